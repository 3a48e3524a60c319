package cn.anxun.courses.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.anxun.courses.Course;
import cn.anxun.courses.Programme;
import cn.anxun.courses.Programmes;
import cn.anxun.courses.ReviewStep;
import cn.anxun.courses.UnitType;
import cn.anxun.identity.NotFoundException;
import cn.anxun.media.MediaValidations;
import cn.anxun.media.Validation;
import cn.anxun.platform.persistence.KeyBatches;

/**
 * Courses as their readers see them: durations and findings read from the media's validations each time, hours
 * against the programmes, the review history.
 */
final class CourseViews {

    private final JpaTemplate jpa;
    private final Programmes programmes;
    private final MediaValidations validations;

    CourseViews(JpaTemplate jpa, Programmes programmes, MediaValidations validations) {
        this.jpa = jpa;
        this.programmes = programmes;
        this.validations = validations;
    }

    CourseRecord find(String courseId) {
        CourseRecord record = jpa.txExpr(TransactionType.Required, em -> em.find(CourseRecord.class, courseId));
        if (record == null) {
            throw new NotFoundException("There is no course " + courseId + ".");
        }
        return record;
    }

    /** The course with its review history only if {@code seesHistory} says so. */
    Course view(CourseRecord record, Predicate<CourseRecord> seesHistory) {
        return views(List.of(record), seesHistory).get(0);
    }

    Course view(CourseRecord record) {
        return views(List.of(record)).get(0);
    }

    /** Courses, each with its review history only if {@code seesHistory} says so. */
    List<Course> views(List<CourseRecord> records, Predicate<CourseRecord> seesHistory) {
        List<Course> views = views(records);
        List<Course> shown = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Course course = views.get(i);
            shown.add(seesHistory.test(records.get(i)) ? course : new Course(course.id(), course.institutionId(),
                    course.title(), course.description(), course.programmes(), course.teachers(), course.units(),
                    course.duration(), course.hours(), course.status(), course.createdAt(), course.updatedAt(),
                    List.of()));
        }
        return shown;
    }

    /**
     * Courses with their units' validations, programmes and review histories, each kind read for all the courses at
     * once, so that a list costs the same few queries for one course as for a hundred.
     */
    List<Course> views(List<CourseRecord> records) {
        Map<String, Validation> checks = validations.of(records.stream().flatMap(r -> r.units().stream())
                .flatMap(unit -> media(unit).stream()).toList());
        Map<String, Programme> catalogue = programmes.versions(records.stream()
                .flatMap(r -> r.programmes().stream()).map(ProgrammeRef::code).toList()).stream()
                .collect(Collectors.toMap(p -> key(p.code(), p.version()), p -> p));
        Map<String, List<ReviewStep>> steps = jpa.txExpr(TransactionType.Required, em -> KeyBatches.read(
                records.stream().map(CourseRecord::id).toList(), ids -> em.createNamedQuery(
                        CourseStepRecord.OF_COURSES, CourseStepRecord.class).setParameter("courses", ids)
                        .getResultList()))
                .stream().collect(Collectors.groupingBy(CourseStepRecord::courseId,
                        Collectors.mapping(CourseStepRecord::view, Collectors.toList())));
        return records.stream().map(record -> view(record, checks, catalogue,
                steps.getOrDefault(record.id(), List.of()))).toList();
    }

    private static Course view(CourseRecord record, Map<String, Validation> checks, Map<String, Programme> catalogue,
            List<ReviewStep> steps) {
        List<Course.Unit> units = new ArrayList<>();
        List<UnitRecord> values = record.units();
        for (int i = 0; i < values.size(); i++) {
            units.add(unit(i + 1, values.get(i), checks));
        }
        Duration duration = units.stream().map(Course.Unit::duration).reduce(Duration.ZERO,
                (a, b) -> a == null || b == null ? null : a.plus(b));
        BigDecimal hours = duration == null ? null : BigDecimal.valueOf(duration.toSeconds())
                .divide(BigDecimal.valueOf(Programme.STUDY_HOUR_SECONDS), 2, RoundingMode.DOWN);
        List<Course.ProgrammeFit> fits = record.programmes().stream()
                .map(ref -> fit(catalogue.get(key(ref.code(), ref.version())), duration)).toList();
        return new Course(record.id(), record.institutionId(), record.title(), record.description(), fits,
                record.teachers(), units, duration, hours, record.status(), record.createdAt(), record.updatedAt(),
                steps);
    }

    private static List<String> media(UnitRecord unit) {
        return unit.type() == UnitType.TEXT ? unit.pictures() : List.of(unit.mediaId());
    }

    private static Course.Unit unit(int position, UnitRecord value, Map<String, Validation> validations) {
        List<Validation> checks = media(value).stream().map(validations::get).toList();
        boolean checked = checks.stream().allMatch(v -> v.state() == Validation.State.DONE);
        Duration duration = value.type() == UnitType.TEXT ? Duration.ofSeconds(value.readingSeconds())
                : checks.get(0).duration();
        return new Course.Unit(position, value.title(), value.type(), value.mediaId(), value.text(),
                value.pictures(), duration, checked, checks.stream().flatMap(v -> v.findings().stream()).toList());
    }

    private static String key(String code, int version) {
        return code + "/" + version;
    }

    /** Whether the course's whole duration, not its rounded hours, is within the programme's online hours. */
    private static Course.ProgrammeFit fit(Programme programme, Duration duration) {
        return new Course.ProgrammeFit(programme.code(), programme.version(), programme.name(),
                programme.onlineHours(), duration == null ? null
                        : duration.toSeconds() <= programme.onlineHours() * Programme.STUDY_HOUR_SECONDS);
    }
}
