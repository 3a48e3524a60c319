package cn.anxun.courses.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.courses.Course;
import cn.anxun.courses.CourseDraft;
import cn.anxun.courses.Courses;
import cn.anxun.courses.Programme;
import cn.anxun.courses.Programmes;
import cn.anxun.courses.UnitType;
import cn.anxun.identity.AccessDeniedException;
import cn.anxun.identity.AuditLog;
import cn.anxun.identity.Caller;
import cn.anxun.identity.ConflictException;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.NotFoundException;
import cn.anxun.identity.Role;
import cn.anxun.identity.Violation;
import cn.anxun.media.Media;
import cn.anxun.media.MediaLibrary;
import cn.anxun.media.MediaValidations;
import cn.anxun.media.Validation;

/** Courses in {@code COURSE} and its tables; durations and findings are read from the media each time. */
@Component(service = Courses.class, configurationPid = CoursesConfig.PID)
public class CoursesImpl implements Courses {

    private static final Role[] WRITERS = {Role.INSTITUTION_ADMIN, Role.INSTITUTION_STAFF};
    private static final Role[] READERS = {Role.INSTITUTION_ADMIN, Role.INSTITUTION_STAFF, Role.OPERATOR,
        Role.PROVINCE_REGULATOR, Role.CITY_REGULATOR, Role.COUNTY_REGULATOR};
    /** A study hour (学时) is 45 minutes of study (粤应急规〔2022〕3号 Art. 19). */
    private static final long STUDY_HOUR_SECONDS = 45 * 60;

    private final JpaTemplate jpa;
    private final AuditLog audit;
    private final Programmes programmes;
    private final MediaLibrary library;
    private final MediaValidations validations;
    private final Clock clock = Clock.systemUTC();
    private volatile CoursesConfig config;

    @Activate
    public CoursesImpl(@Reference(target = "(osgi.unit.name=anxun-courses)") JpaTemplate jpa,
            @Reference AuditLog audit, @Reference Programmes programmes, @Reference MediaLibrary library,
            @Reference MediaValidations validations, CoursesConfig config) {
        this.jpa = jpa;
        this.audit = audit;
        this.programmes = programmes;
        this.library = library;
        this.validations = validations;
        this.config = config;
    }

    @Modified
    void modified(CoursesConfig newConfig) {
        config = newConfig;
    }

    @Override
    public Course create(Caller caller, String institutionId, CourseDraft draft) {
        requireWriter(caller, institutionId);
        CourseRecord record = new CourseRecord(UUID.randomUUID().toString(), institutionId, clock.instant());
        fill(caller, record, CourseRules.checked(draft));
        jpa.tx(TransactionType.Required, em -> em.persist(record));
        audit.record(caller, "course.created", target(record.id()), null, "success", record.title());
        return view(record);
    }

    @Override
    public Course update(Caller caller, String courseId, CourseDraft draft) {
        CourseRecord found = find(courseId);
        requireWriter(caller, found.institutionId());
        CourseDraft valid = CourseRules.checked(draft);
        CourseRecord updated = jpa.txExpr(TransactionType.Required, em -> {
            CourseRecord record = em.find(CourseRecord.class, courseId, LockModeType.PESSIMISTIC_WRITE);
            if (record.status() != Course.Status.DRAFT) {
                throw new ConflictException("The course is " + record.status() + "; only a draft is edited.");
            }
            fill(caller, record, valid);
            return record;
        });
        audit.record(caller, "course.updated", target(courseId), null, "success", updated.title());
        return view(updated);
    }

    @Override
    public Course get(Caller caller, String courseId) {
        CourseRecord record = find(courseId);
        requireReader(caller, record.institutionId());
        return view(record);
    }

    @Override
    public List<Course> ofInstitution(Caller caller, String institutionId) {
        requireReader(caller, institutionId);
        return jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(CourseRecord.OF_INSTITUTION,
                CourseRecord.class).setParameter("institution", institutionId).getResultList()).stream()
                .map(this::view).toList();
    }

    /** Sets the draft's content, its programmes pinned to the versions in force and its media checked. */
    private void fill(Caller caller, CourseRecord record, CourseDraft draft) {
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
                    media(caller, record, field + ".pictures[" + p + "]", unit.pictures().get(p), "image",
                            violations);
                }
                units.add(new UnitRecord(unit.title(), type, null, unit.text(), unit.pictures(),
                        ReadingTime.seconds(unit.text(), unit.pictures().size(), config)));
            } else {
                media(caller, record, field + ".media", unit.media(), type == UnitType.VIDEO ? "video" : "audio",
                        violations);
                units.add(new UnitRecord(unit.title(), type, unit.media(), null, List.of(), null));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        record.content(draft.title(), draft.description(), refs, draft.teachers(), units, clock.instant());
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
    private void media(Caller caller, CourseRecord record, String field, String mediaId, String kind,
            List<Violation> violations) {
        Media media;
        try {
            media = library.media(caller, mediaId);
        } catch (NotFoundException | AccessDeniedException e) {
            violations.add(new Violation(field, "media-of-institution", "must be media the institution uploaded"));
            return;
        }
        if (!media.institutionId().equals(record.institutionId())) {
            violations.add(new Violation(field, "media-of-institution", "must be media the institution uploaded"));
        } else if (!media.kind().equals(kind)) {
            violations.add(new Violation(field, "media-kind", "must be " + ("image".equals(kind) ? "a picture"
                    : "a " + kind + " file") + "; the upload is " + media.mediaType()));
        }
    }

    private Course view(CourseRecord record) {
        List<Course.Unit> units = new ArrayList<>();
        List<UnitRecord> values = record.units();
        for (int i = 0; i < values.size(); i++) {
            units.add(unit(i + 1, values.get(i)));
        }
        Duration duration = units.stream().map(Course.Unit::duration).reduce(Duration.ZERO,
                (a, b) -> a == null || b == null ? null : a.plus(b));
        BigDecimal hours = duration == null ? null : BigDecimal.valueOf(duration.toSeconds())
                .divide(BigDecimal.valueOf(STUDY_HOUR_SECONDS), 2, RoundingMode.DOWN);
        List<Course.ProgrammeFit> fits = record.programmes().stream().map(ref -> fit(ref, hours)).toList();
        return new Course(record.id(), record.institutionId(), record.title(), record.description(), fits,
                record.teachers(), units, duration, hours, record.status(), record.createdAt(), record.updatedAt());
    }

    private Course.Unit unit(int position, UnitRecord value) {
        List<String> media = value.type() == UnitType.TEXT ? value.pictures() : List.of(value.mediaId());
        List<Validation> checks = media.stream().map(validations::of).toList();
        boolean checked = checks.stream().allMatch(v -> v.state() == Validation.State.DONE);
        Duration duration = value.type() == UnitType.TEXT ? Duration.ofSeconds(value.readingSeconds())
                : checks.get(0).duration();
        return new Course.Unit(position, value.title(), value.type(), value.mediaId(), value.text(),
                value.pictures(), duration, checked, checks.stream().flatMap(v -> v.findings().stream()).toList());
    }

    private Course.ProgrammeFit fit(ProgrammeRef ref, BigDecimal hours) {
        Programme programme = programmes.versions(ref.code()).stream().filter(p -> p.version() == ref.version())
                .findFirst().orElseThrow();
        return new Course.ProgrammeFit(programme.code(), programme.version(), programme.name(),
                programme.onlineHours(), hours == null ? null : hours.compareTo(BigDecimal.valueOf(
                        programme.onlineHours())) <= 0);
    }

    private CourseRecord find(String courseId) {
        CourseRecord record = jpa.txExpr(TransactionType.Required, em -> em.find(CourseRecord.class, courseId));
        if (record == null) {
            throw new NotFoundException("There is no course " + courseId + ".");
        }
        return record;
    }

    private static void requireWriter(Caller caller, String institutionId) {
        caller.require("write a course", WRITERS);
        if (!institutionId.equals(caller.institutionId())) {
            throw new AccessDeniedException("You write your own institution's courses only.");
        }
    }

    private static void requireReader(Caller caller, String institutionId) {
        caller.require("read courses", READERS);
        if (caller.has(WRITERS) && !institutionId.equals(caller.institutionId())) {
            throw new AccessDeniedException("Institution staff read their own institution's courses only.");
        }
    }

    private static String target(String courseId) {
        return "course:" + courseId;
    }
}
