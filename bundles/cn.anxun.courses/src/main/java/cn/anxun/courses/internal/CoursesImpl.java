package cn.anxun.courses.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.courses.Course;
import cn.anxun.courses.CourseDraft;
import cn.anxun.courses.CourseList;
import cn.anxun.courses.Courses;
import cn.anxun.courses.Programme;
import cn.anxun.courses.Programmes;
import cn.anxun.courses.ReviewStep;
import cn.anxun.courses.UnitType;
import cn.anxun.identity.AccessDeniedException;
import cn.anxun.identity.AccessPolicy;
import cn.anxun.identity.AuditLog;
import cn.anxun.identity.Caller;
import cn.anxun.identity.ConflictException;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.NewestFirst;
import cn.anxun.identity.NotFoundException;
import cn.anxun.identity.Operation;
import cn.anxun.identity.RecordKind;
import cn.anxun.identity.RegionQuery;
import cn.anxun.identity.Violation;
import cn.anxun.institutions.Registrations;
import cn.anxun.media.Media;
import cn.anxun.media.MediaContent;
import cn.anxun.media.MediaLibrary;
import cn.anxun.media.MediaValidations;

/** Courses in {@code COURSE} and its tables; durations and findings are read from the media each time. */
@Component(service = Courses.class, configurationPid = CoursesConfig.PID)
public class CoursesImpl implements Courses {

    private final JpaTemplate jpa;
    private final AuditLog audit;
    private final Programmes programmes;
    private final MediaLibrary library;
    private final CourseViews views;
    private final CourseAccess access;
    private final Clock clock;
    private volatile CoursesConfig config;

    @Activate
    public CoursesImpl(@Reference(target = "(osgi.unit.name=anxun-courses)") JpaTemplate jpa, @Reference Clock clock,
            @Reference AuditLog audit, @Reference Programmes programmes, @Reference MediaLibrary library,
            @Reference MediaValidations validations, @Reference Registrations registrations,
            @Reference AccessPolicy policy, CoursesConfig config) {
        this.clock = clock;
        this.jpa = jpa;
        this.audit = audit;
        this.programmes = programmes;
        this.library = library;
        this.views = new CourseViews(jpa, programmes, validations);
        this.access = new CourseAccess(policy, registrations);
        this.config = config;
    }

    @Modified
    void modified(CoursesConfig newConfig) {
        config = newConfig;
    }

    @Override
    public Course create(Caller caller, String institutionId, CourseDraft draft) {
        access.requireNew(caller, institutionId);
        CourseRecord record = new CourseRecord(UUID.randomUUID().toString(), institutionId, clock.instant());
        content(caller, institutionId, CourseRules.checked(draft)).fill(record, clock.instant());
        jpa.tx(TransactionType.Required, em -> {
            em.persist(record);
            audit.record(em, caller, "course.created", target(record.id()), null, "success", record.title());
        });
        return views.view(record);
    }

    @Override
    public Course update(Caller caller, String courseId, CourseDraft draft) {
        CourseRecord found = views.find(courseId);
        access.require(caller, Operation.UPDATE, found);
        // the media and programmes are read before the course is locked: they are in other tables and units
        Content content = content(caller, found.institutionId(), CourseRules.checked(draft));
        CourseRecord updated = jpa.txExpr(TransactionType.Required, em -> {
            CourseRecord record = em.find(CourseRecord.class, courseId, LockModeType.PESSIMISTIC_WRITE);
            if (!record.status().editable()) {
                throw new ConflictException("The course is " + record.status() + "; a course in review or online "
                        + "is not changed (take it down first).");
            }
            content.fill(record, clock.instant());
            if (record.status() != Course.Status.DRAFT) {
                record.status(Course.Status.DRAFT, clock.instant());
                em.persist(new CourseStepRecord(UUID.randomUUID().toString(), courseId, new ReviewStep(
                        ReviewStep.Action.REVISE, clock.instant(), caller.name(), caller.mainRole(), null, null,
                        null)));
            }
            audit.record(em, caller, "course.updated", target(courseId), null, "success", record.title());
            return record;
        });
        return views.view(updated);
    }

    @Override
    public Course get(Caller caller, String courseId) {
        CourseRecord record = views.find(courseId);
        access.require(caller, Operation.READ, record);
        return views.view(record, access.allowed(caller, Operation.READ, RecordKind.COURSE_REVIEW));
    }

    @Override
    public List<Course> ofInstitution(Caller caller, String institutionId) {
        caller.requireLogin("read an institution's courses");
        return views.views(jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(
                CourseRecord.OF_INSTITUTION, CourseRecord.class).setParameter("institution", institutionId)
                .getResultList()).stream().filter(access.readable(caller)).toList(),
                access.allowed(caller, Operation.READ, RecordKind.COURSE_REVIEW));
    }

    @Override
    public CourseList list(Caller caller, RegionQuery query) {
        NewestFirst<CourseRecord> list = access.filtered(new NewestFirst<>(CourseRecord.class, "o", "createdAt",
                access.reached(caller, Operation.READ, RecordKind.COURSE, UnaryOperator.identity())), query,
                UnaryOperator.identity())
                .limit(query.limit(), RegionQuery.MAX_LIMIT)
                .atLeast("o.createdAt", query.fromMillis())
                .atMost("o.createdAt", query.toMillis())
                .after(query.after());
        NewestFirst.Page<CourseRecord> page = jpa.txExpr(TransactionType.Required, em -> list.read(em,
                course -> course.createdAt().toEpochMilli(), CourseRecord::id));
        return new CourseList(views.views(page.rows(), access.allowed(caller, Operation.READ,
                RecordKind.COURSE_REVIEW)), page.next());
    }

    @Override
    public MediaContent unitMedia(Caller caller, String courseId, int position, int picture) {
        CourseRecord record = views.find(courseId);
        access.require(caller, Operation.READ, record);
        List<UnitRecord> units = record.units();
        if (position < 1 || position > units.size()) {
            throw new NotFoundException("The course has no unit " + position + ".");
        }
        UnitRecord unit = units.get(position - 1);
        List<String> media = unit.type() == UnitType.TEXT ? unit.pictures() : List.of(unit.mediaId());
        if (picture < 0 || picture >= media.size()) {
            throw new NotFoundException("Unit " + position + " has no " + (unit.type() == UnitType.TEXT
                    ? "picture " + (picture + 1) : "other medium") + ".");
        }
        return library.contentOf(media.get(picture));
    }

    /** What a course's writer wrote, checked, with its programmes pinned to the versions in force. */
    private record Content(CourseDraft draft, List<ProgrammeRef> programmes, List<UnitRecord> units) {

        void fill(CourseRecord record, Instant at) {
            record.content(draft.title(), draft.description(), programmes, draft.teachers(), units, at);
        }
    }

    /** The draft's content, its programmes pinned to the versions in force and its media checked. */
    private Content content(Caller caller, String institutionId, CourseDraft draft) {
        List<Violation> violations = new ArrayList<>();
        List<ProgrammeRef> refs = new ArrayList<>();
        for (int i = 0; i < draft.programmes().size(); i++) {
            String code = draft.programmes().get(i);
            current(code).ifPresentOrElse(p -> refs.add(new ProgrammeRef(p.code(), p.version())),
                    violationAt(violations, "programmes[" + i + "]", code));
        }
        List<UnitRecord> units = new ArrayList<>();
        for (int i = 0; i < draft.units().size(); i++) {
            CourseDraft.UnitDraft unit = draft.units().get(i);
            String field = "units[" + i + "]";
            UnitType type = UnitType.valueOf(unit.type());
            if (type == UnitType.TEXT) {
                for (int p = 0; p < unit.pictures().size(); p++) {
                    media(caller, institutionId, field + ".pictures[" + p + "]", unit.pictures().get(p), "image",
                            violations);
                }
                units.add(new UnitRecord(unit.title(), type, null, unit.text(), unit.pictures(),
                        ReadingTime.seconds(unit.text(), unit.pictures().size(), config)));
            } else {
                media(caller, institutionId, field + ".media", unit.media(),
                        type == UnitType.VIDEO ? "video" : "audio", violations);
                units.add(new UnitRecord(unit.title(), type, unit.media(), null, List.of(), null));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new Content(draft, refs, units);
    }

    private Optional<Programme> current(String code) {
        try {
            return programmes.versions(code).stream().filter(p -> p.status() == Programme.Status.CURRENT)
                    .findFirst();
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static Runnable violationAt(List<Violation> violations, String field, String code) {
        return () -> violations.add(new Violation(field, "programme-current", "there is no programme " + code
                + " in force (GET /api/v1/programmes)"));
    }

    /** Checks that a unit's medium is the institution's and of the unit's kind. */
    private void media(Caller caller, String institutionId, String field, String mediaId, String kind,
            List<Violation> violations) {
        Media media;
        try {
            media = library.media(caller, mediaId);
        } catch (NotFoundException | AccessDeniedException e) {
            violations.add(new Violation(field, "media-of-institution", "must be media the institution uploaded"));
            return;
        }
        if (!media.institutionId().equals(institutionId)) {
            violations.add(new Violation(field, "media-of-institution", "must be media the institution uploaded"));
        } else if (!media.kind().equals(kind)) {
            violations.add(new Violation(field, "media-kind", "must be " + ("image".equals(kind) ? "a picture"
                    : "a " + kind + " file") + "; the upload is " + media.mediaType()));
        }
    }

    private static String target(String courseId) {
        return "course:" + courseId;
    }
}
