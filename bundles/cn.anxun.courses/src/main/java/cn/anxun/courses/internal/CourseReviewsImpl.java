package cn.anxun.courses.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.api.media.Finding;
import cn.anxun.courses.Course;
import cn.anxun.courses.CourseReviews;
import cn.anxun.courses.Programmes;
import cn.anxun.courses.ReviewStep;
import cn.anxun.courses.ReviewStep.Action;
import cn.anxun.courses.ReviewStep.Aspect;
import cn.anxun.courses.ReviewStep.Verdict;
import cn.anxun.identity.AccessPolicy;
import cn.anxun.identity.AuditLog;
import cn.anxun.identity.Caller;
import cn.anxun.identity.ConflictException;
import cn.anxun.identity.FreeText;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.Operation;
import cn.anxun.identity.RecordKind;
import cn.anxun.identity.Violation;
import cn.anxun.institutions.Registrations;
import cn.anxun.media.MediaValidations;

/** The review of courses: each step changes the course's status under a lock and is kept in {@code COURSE_STEP}. */
@Component(service = CourseReviews.class)
public class CourseReviewsImpl implements CourseReviews {

    private static final int REASON_LENGTH = 2000;

    private final JpaTemplate jpa;
    private final AuditLog audit;
    private final CourseViews views;
    private final CourseAccess access;
    private final Clock clock;

    @Activate
    public CourseReviewsImpl(@Reference(target = "(osgi.unit.name=anxun-courses)") JpaTemplate jpa,
            @Reference Clock clock,
            @Reference AuditLog audit, @Reference Programmes programmes, @Reference MediaValidations validations,
            @Reference Registrations registrations, @Reference AccessPolicy policy) {
        this.clock = clock;
        this.jpa = jpa;
        this.audit = audit;
        this.views = new CourseViews(jpa, programmes, validations);
        this.access = new CourseAccess(policy, registrations);
    }

    @Override
    public Course submit(Caller caller, String courseId, ReviewStep.Declarations declarations) {
        CourseRecord found = views.find(courseId);
        access.require(caller, Operation.UPDATE, found);
        requireDeclared(declarations);
        requireChecked(views.view(found));
        return step(caller, courseId, Action.SUBMIT, null, null, declarations, Course.Status.IN_REVIEW, record -> {
            // a taken-down course is revised (and so a draft again) before it goes back to review
            requireStatus(record, "submitted", Course.Status.DRAFT, Course.Status.RETURNED);
            requireUnchanged(record, found);
        });
    }

    @Override
    public Course decide(Caller caller, String courseId, Action decision, Map<Aspect, Verdict> aspects) {
        CourseRecord found = views.find(courseId);
        access.require(caller, Operation.DECIDE, found);
        if (decision != Action.APPROVE && decision != Action.RETURN) {
            throw new InvalidInputException("decision", "review-decision", "is APPROVE or RETURN");
        }
        Map<Aspect, Verdict> verdicts = verdicts(decision, aspects);
        if (decision == Action.APPROVE) {
            // the media may have been validated again since the submission
            requireChecked(views.view(found));
        }
        return step(caller, courseId, decision, null, verdicts, null, decision == Action.APPROVE
                ? Course.Status.ONLINE : Course.Status.RETURNED, record -> {
                    requireStatus(record, "decided", Course.Status.IN_REVIEW);
                    requireUnchanged(record, found);
                });
    }

    @Override
    public Course spotCheck(Caller caller, String courseId, String finding) {
        access.require(caller, Operation.INSPECT, views.find(courseId));
        return step(caller, courseId, Action.SPOT_CHECK, reason("finding", finding), null, null, null,
                record -> { });
    }

    @Override
    public Course takeDown(Caller caller, String courseId, String reason) {
        access.require(caller, Operation.REVOKE, views.find(courseId));
        return step(caller, courseId, Action.TAKE_DOWN, reason("reason", reason), null, null,
                Course.Status.TAKEN_DOWN, record -> requireStatus(record, "taken down", Course.Status.ONLINE));
    }

    @Override
    public List<Course> inStatus(Caller caller, Course.Status status) {
        caller.requireLogin("list courses");
        return views.views(jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(CourseRecord.IN_STATUS,
                CourseRecord.class).setParameter("status", status).getResultList()).stream()
                .filter(access.readable(caller)).toList(),
                access.allowed(caller, Operation.READ, RecordKind.COURSE_REVIEW));
    }

    /** Adds a step and sets the status it leads to, after {@code check} passed on the locked course. */
    private Course step(Caller caller, String courseId, Action action, String reason, Map<Aspect, Verdict> aspects,
            ReviewStep.Declarations declarations, Course.Status next, Consumer<CourseRecord> check) {
        CourseRecord changed = jpa.txExpr(TransactionType.Required, em -> {
            CourseRecord record = em.find(CourseRecord.class, courseId, LockModeType.PESSIMISTIC_WRITE);
            check.accept(record);
            if (next != null) {
                record.status(next, clock.instant());
            }
            em.persist(new CourseStepRecord(UUID.randomUUID().toString(), courseId, new ReviewStep(action,
                    clock.instant(), caller.name(), caller.mainRole(), reason, aspects, declarations)));
            audit.record(em, caller, "course." + action.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    "course:" + courseId, null, "success", reason);
            return record;
        });
        return views.view(changed);
    }

    private static void requireStatus(CourseRecord record, String verb, Course.Status... allowed) {
        if (!List.of(allowed).contains(record.status())) {
            throw new ConflictException("The course is " + record.status() + "; it is " + verb + " when "
                    + List.of(allowed) + ".");
        }
    }

    private static void requireDeclared(ReviewStep.Declarations declarations) {
        List<Violation> violations = new ArrayList<>();
        if (declarations == null || !Boolean.TRUE.equals(declarations.content())) {
            violations.add(new Violation("content", "declaration", "the institution declares that the content is "
                    + "lawful, accurate and follows the programme, and answers for it"));
        }
        if (declarations == null || !Boolean.TRUE.equals(declarations.copyright())) {
            violations.add(new Violation("copyright", "declaration", "the institution declares that it holds the "
                    + "rights to every part of the course"));
        }
        FreeText.check(violations, "copyrightHolder", declarations == null ? null : declarations.copyrightHolder(),
                200, true);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    /** The automatic checks: every unit read by the validators without a blocking finding, hours within the caps. */
    /**
     * The course under the lock is the one checked before it: the checks read the media's validations, which are
     * another unit's, so they run before the course is locked, never while it is.
     */
    private static void requireUnchanged(CourseRecord locked, CourseRecord checked) {
        if (!locked.updatedAt().equals(checked.updatedAt()) || locked.status() != checked.status()) {
            throw new ConflictException("The course changed at the same moment; read it again and retry.");
        }
    }

    private static void requireChecked(Course course) {
        List<Integer> pending = course.units().stream().filter(unit -> !unit.checked())
                .map(Course.Unit::position).toList();
        if (!pending.isEmpty()) {
            throw new ConflictException("The validators have not finished with units " + pending + "; submit "
                    + "again when they have (GET the course to see).");
        }
        List<Violation> violations = new ArrayList<>();
        for (Course.Unit unit : course.units()) {
            List<String> blocking = unit.findings().stream().filter(f -> f.severity() == Finding.Severity.BLOCKING)
                    .map(Finding::code).distinct().toList();
            if (!blocking.isEmpty()) {
                violations.add(new Violation("units[" + (unit.position() - 1) + "]", "blocking-findings",
                        "has findings that block review: " + blocking + "; replace its media"));
            }
        }
        for (int i = 0; i < course.programmes().size(); i++) {
            Course.ProgrammeFit fit = course.programmes().get(i);
            if (Boolean.FALSE.equals(fit.fits())) {
                violations.add(new Violation("programmes[" + i + "]", "course-hours", "the course holds "
                        + course.hours() + " study hours, more than the " + fit.onlineHours() + " of " + fit.code()
                        + " that may be studied online"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    /** The reviewer's verdicts: every aspect for an approval, all passed; a failed one with a note for a return. */
    private static Map<Aspect, Verdict> verdicts(Action decision, Map<Aspect, Verdict> aspects) {
        Map<Aspect, Verdict> given = aspects == null ? Map.of() : aspects;
        List<Violation> violations = new ArrayList<>();
        Map<Aspect, Verdict> verdicts = new EnumMap<>(Aspect.class);
        for (Aspect aspect : Aspect.values()) {
            Verdict verdict = given.get(aspect);
            String field = "aspects." + aspect.name();
            if (verdict == null && decision == Action.APPROVE) {
                violations.add(new Violation(field, "required", "an approval gives a verdict on every aspect"));
            } else if (verdict != null && !verdict.passed() && (verdict.note() == null || verdict.note().isBlank())) {
                violations.add(new Violation(field + ".note", "required", "a failed aspect says why"));
            } else if (verdict != null && decision == Action.APPROVE && !verdict.passed()) {
                violations.add(new Violation(field, "review-approval", "a course with a failed aspect is returned, "
                        + "not approved"));
            } else if (verdict != null) {
                verdicts.put(aspect, new Verdict(verdict.passed(),
                        FreeText.check(violations, field + ".note", verdict.note(), REASON_LENGTH, false)));
            }
        }
        if (decision == Action.RETURN && verdicts.values().stream().allMatch(Verdict::passed)) {
            violations.add(new Violation("aspects", "review-return", "a return names at least one failed aspect"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return verdicts;
    }

    private static String reason(String field, String text) {
        List<Violation> violations = new ArrayList<>();
        String reason = FreeText.check(violations, field, text, REASON_LENGTH, true);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return reason;
    }
}
