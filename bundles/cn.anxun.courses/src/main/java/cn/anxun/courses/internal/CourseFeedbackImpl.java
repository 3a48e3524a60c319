package cn.anxun.courses.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;


import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.anxun.api.content.ContentFilter;
import cn.anxun.api.content.Screening;
import cn.anxun.courses.Course;
import cn.anxun.courses.CourseFeedback;
import cn.anxun.courses.CourseRatingList;
import cn.anxun.courses.Feedback;
import cn.anxun.identity.AccessPolicy;
import cn.anxun.identity.AuditLog;
import cn.anxun.identity.Caller;
import cn.anxun.identity.ConflictException;
import cn.anxun.identity.FreeText;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.NewestFirst;
import cn.anxun.identity.NotFoundException;
import cn.anxun.identity.Operation;
import cn.anxun.identity.RecordKind;
import cn.anxun.identity.RegionQuery;
import cn.anxun.identity.Violation;
import cn.anxun.institutions.Registrations;
import cn.anxun.platform.persistence.DatabaseFailure;

/** Ratings in {@code COURSE_RATING}; comments screened by every installed content filter before they are kept. */
@Component(service = CourseFeedback.class, configurationPid = FeedbackConfig.PID)
@Designate(ocd = FeedbackConfig.class)
public class CourseFeedbackImpl implements CourseFeedback {

    private static final Logger LOG = LoggerFactory.getLogger(CourseFeedbackImpl.class);
    private static final int COMMENT_LENGTH = 500;

    private final JpaTemplate jpa;
    private final AuditLog audit;
    private final AccessPolicy policy;
    private final CourseAccess access;
    private final Clock clock;
    private final List<ContentFilter> filters = new CopyOnWriteArrayList<>();
    private volatile FeedbackConfig config;

    @Activate
    public CourseFeedbackImpl(@Reference(target = "(osgi.unit.name=anxun-courses)") JpaTemplate jpa,
            @Reference Clock clock,
            @Reference AuditLog audit, @Reference Registrations registrations, @Reference AccessPolicy policy,
            FeedbackConfig config) {
        this.clock = clock;
        this.policy = policy;
        this.jpa = jpa;
        this.audit = audit;
        this.access = new CourseAccess(policy, registrations);
        this.config = config;
    }

    @Modified
    void modified(FeedbackConfig newConfig) {
        config = newConfig;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addFilter(ContentFilter filter) {
        filters.add(filter);
    }

    void removeFilter(ContentFilter filter) {
        filters.remove(filter);
    }

    @Override
    public Feedback.Given rate(Caller caller, String courseId, Feedback.Rating rating) {
        CourseRecord course = find(courseId);
        if (course.status() != Course.Status.ONLINE) {
            throw new ConflictException("Only an online course is rated.");
        }
        access.require(caller, Operation.CREATE, RecordKind.COURSE_FEEDBACK, course);
        Feedback.Rating valid = checked(rating, course);
        String held = valid.comment() == null ? null : held(valid.comment());
        boolean wasLow = low(courseId);
        Feedback.Given given = stored(() -> jpa.txExpr(TransactionType.Required, em -> {
            RatingRecord record = em.createNamedQuery(RatingRecord.OF_LEARNER, RatingRecord.class)
                    .setParameter("course", courseId).setParameter("learner", caller.accountId()).getResultStream()
                    .findFirst().orElseGet(() -> {
                        RatingRecord added = new RatingRecord(UUID.randomUUID().toString(), courseId,
                                caller.accountId());
                        em.persist(added);
                        return added;
                    });
            record.rated(valid.score(), valid.teachers(), valid.comment(), held, clock.instant());
            if (held != null) {
                audit.record(em, caller, "course.comment-held", "course:" + courseId, null, "success", held);
            }
            return record.given();
        }));
        if (!wasLow && low(courseId)) {
            LOG.warn("course {} of institution {} fell under the satisfaction threshold", courseId,
                    course.institutionId());
            audit.record(Caller.system(), "course.low-satisfaction", "course:" + courseId, null, "success",
                    "institution " + course.institutionId());
        }
        return given;
    }

    @Override
    public Feedback of(Caller caller, String courseId) {
        access.require(caller, Operation.READ, find(courseId));
        return summary(courseId);
    }

    @Override
    public CourseRatingList list(Caller caller, RegionQuery query) {
        UnaryOperator<String> ofCourse = condition -> "r.courseId IN (SELECT o.id FROM CourseRecord o WHERE "
                + condition + ")";
        NewestFirst<RatingRecord> list = access.filtered(new NewestFirst<>(RatingRecord.class, "r", "ratedAt",
                access.reached(caller, Operation.READ, RecordKind.COURSE_FEEDBACK, ofCourse)), query, ofCourse)
                .limit(query.limit(), RegionQuery.MAX_LIMIT)
                .atLeast("r.ratedAt", query.fromMillis())
                .atMost("r.ratedAt", query.toMillis())
                .after(query.after());
        return jpa.txExpr(TransactionType.Required, em -> {
            NewestFirst.Page<RatingRecord> page = list.read(em, RatingRecord::ratedAtMillis, RatingRecord::id);
            Map<String, CourseRecord> courses = new HashMap<>();
            return new CourseRatingList(page.rows().stream().map(rating -> rating.row(courses.computeIfAbsent(
                    rating.courseId(), id -> em.find(CourseRecord.class, id)))).toList(), page.next());
        });
    }

    private CourseRecord find(String courseId) {
        CourseRecord course = jpa.txExpr(TransactionType.Required, em -> em.find(CourseRecord.class, courseId));
        if (course == null) {
            throw new NotFoundException("There is no course " + courseId + ".");
        }
        return course;
    }

    @Override
    public List<Feedback> lowSatisfaction(Caller caller) {
        policy.reach(caller, Operation.READ, RecordKind.COURSE_FEEDBACK);
        Predicate<CourseRecord> allowed = access.allowed(caller, Operation.READ, RecordKind.COURSE_FEEDBACK);
        return lowCourses().stream().filter(id -> allowed.test(find(id))).map(this::summary).toList();
    }

    private Feedback summary(String courseId) {
        List<RatingRecord> ratings = jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(
                RatingRecord.OF_COURSE, RatingRecord.class).setParameter("course", courseId).getResultList());
        Map<String, List<Integer>> byTeacher = new TreeMap<>();
        ratings.forEach(r -> r.teachers().forEach((teacher, score) -> byTeacher.computeIfAbsent(teacher,
                t -> new ArrayList<>()).add(score)));
        Map<String, BigDecimal> teachers = new TreeMap<>();
        byTeacher.forEach((teacher, scores) -> teachers.put(teacher, mean(scores)));
        List<Integer> scores = ratings.stream().map(RatingRecord::score).toList();
        return new Feedback(courseId, ratings.size(), scores.isEmpty() ? null : mean(scores), teachers,
                low(scores.size(), scores.stream().mapToLong(Integer::longValue).sum()),
                ratings.stream().filter(RatingRecord::shown)
                        .map(RatingRecord::comment).toList());
    }

    private boolean low(String courseId) {
        Object[] totals = jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(
                RatingRecord.TOTALS_OF_COURSE, Object[].class).setParameter("course", courseId).getSingleResult());
        return low(((Number) totals[0]).longValue(), totals[1] == null ? 0 : ((Number) totals[1]).longValue());
    }

    /** Whether ratings of this number and sum flag a course; the mean is taken here, Derby's AVG of integers is one. */
    private boolean low(long ratings, long sum) {
        FeedbackConfig limits = config;
        return ratings > 0 && ratings >= limits.minimumRatings()
                && (double) sum / ratings < limits.lowSatisfactionThreshold();
    }

    private List<String> lowCourses() {
        List<Object[]> totals = jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(RatingRecord.TOTALS,
                Object[].class).setParameter("minimum", (long) config.minimumRatings()).getResultList());
        return totals.stream().filter(row -> low(((Number) row[1]).longValue(), ((Number) row[2]).longValue()))
                .map(row -> (String) row[0]).toList();
    }

    /** Why the comment is held back, or {@code null} when every filter lets it through; none installed holds it. */
    private String held(String comment) {
        if (filters.isEmpty()) {
            return "no content filter is installed";
        }
        for (ContentFilter filter : filters) {
            Screening screening;
            try {
                screening = filter.screen(comment);
            } catch (RuntimeException e) {
                LOG.warn("content filter {} failed; the comment is held back", filter.id(), e);
                return "the content filter " + filter.id() + " could not screen it";
            }
            if (!screening.shown()) {
                return filter.id() + ": " + screening.reason();
            }
        }
        return null;
    }

    private static Feedback.Rating checked(Feedback.Rating rating, CourseRecord course) {
        if (rating == null) {
            throw new InvalidInputException("", "required", "a JSON body with the rating is required");
        }
        List<Violation> violations = new ArrayList<>();
        if (!inRange(rating.score())) {
            violations.add(new Violation("score", "score-range", "is a whole number from 1 to 5"));
        }
        Map<String, Integer> teachers = rating.teachers() == null ? Map.of() : rating.teachers();
        teachers.forEach((teacher, score) -> {
            if (!course.teachers().contains(teacher)) {
                violations.add(new Violation("teachers." + teacher, "course-teacher", "is not a teacher of the "
                        + "course " + course.teachers()));
            } else if (!inRange(score)) {
                violations.add(new Violation("teachers." + teacher, "score-range", "is a whole number from 1 to 5"));
            }
        });
        String comment = FreeText.check(violations, "comment", rating.comment(), COMMENT_LENGTH, false);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new Feedback.Rating(rating.score(), teachers, comment);
    }

    private static boolean inRange(Integer score) {
        return score != null && score >= 1 && score <= 5;
    }

    private static BigDecimal mean(List<Integer> scores) {
        return BigDecimal.valueOf(scores.stream().mapToInt(Integer::intValue).sum())
                .divide(BigDecimal.valueOf(scores.size()), 2, RoundingMode.HALF_UP);
    }

    /** A learner's two ratings at the same moment: the database keeps one; the other is asked to retry. */
    private static <T> T stored(Supplier<T> write) {
        return DatabaseFailure.orRefused(write, () -> new ConflictException("Your rating changed at the same moment; "
                + "send it again."));
    }
}
