package cn.anxun.courses.internal;

import java.time.Instant;
import java.util.Map;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.anxun.courses.ReviewStep;

/** A step of a course's review in {@code COURSE_STEP}; written once, never changed. */
@Entity
@Table(name = "COURSE_STEP")
@NamedQuery(name = CourseStepRecord.OF_COURSES, query = "SELECT s FROM CourseStepRecord s "
        + "WHERE s.courseId IN :courses ORDER BY s.takenAt, s.id")
public class CourseStepRecord {

    static final String OF_COURSES = "CourseStepRecord.ofCourses";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<ReviewStep.Aspect, ReviewStep.Verdict>> ASPECTS = new TypeReference<>() {
    };

    @Id
    @Column(length = 36)
    private String id;
    @Column(name = "COURSE", length = 36, nullable = false)
    private String courseId;
    @Enumerated(EnumType.STRING)
    @Column(length = 16, nullable = false)
    private ReviewStep.Action action;
    @Column(name = "TAKEN_AT", nullable = false)
    private long takenAt;
    @Column(length = 64, nullable = false)
    private String actor;
    @Column(name = "ACTOR_ROLE", length = 32, nullable = false)
    private String role;
    @Column(length = 2000)
    private String reason;
    @Column(length = 4000)
    private String aspects;
    @Column(length = 1000)
    private String declarations;

    protected CourseStepRecord() {
    }

    CourseStepRecord(String id, String courseId, ReviewStep step) {
        this.id = id;
        this.courseId = courseId;
        this.action = step.action();
        this.takenAt = step.at().toEpochMilli();
        this.actor = step.by();
        this.role = step.role();
        this.reason = step.reason();
        this.aspects = step.aspects() == null ? null : write(step.aspects());
        this.declarations = step.declarations() == null ? null : write(step.declarations());
    }

    String courseId() {
        return courseId;
    }

    ReviewStep view() {
        try {
            return new ReviewStep(action, Instant.ofEpochMilli(takenAt), actor, role, reason,
                    aspects == null ? null : JSON.readValue(aspects, ASPECTS),
                    declarations == null ? null : JSON.readValue(declarations, ReviewStep.Declarations.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("course step " + id + " holds unreadable JSON", e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
