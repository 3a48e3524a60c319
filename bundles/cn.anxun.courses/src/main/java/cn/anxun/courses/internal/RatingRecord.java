package cn.anxun.courses.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.MapKeyColumn;
import javax.persistence.NamedQuery;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

import cn.anxun.courses.CourseRating;
import cn.anxun.courses.Feedback;

/** A learner's rating of a course in {@code COURSE_RATING}; one per learner and course. */
@Entity
@Table(name = "COURSE_RATING", uniqueConstraints = @UniqueConstraint(columnNames = {"COURSE", "LEARNER"}))
@NamedQuery(name = RatingRecord.OF_COURSE, query = "SELECT r FROM RatingRecord r WHERE r.courseId = :course "
        + "ORDER BY r.ratedAt DESC, r.id")
@NamedQuery(name = RatingRecord.OF_LEARNER, query = "SELECT r FROM RatingRecord r WHERE r.courseId = :course "
        + "AND r.learnerId = :learner")
@NamedQuery(name = RatingRecord.TOTALS_OF_COURSE, query = "SELECT COUNT(r), SUM(r.score) FROM RatingRecord r "
        + "WHERE r.courseId = :course")
@NamedQuery(name = RatingRecord.TOTALS, query = "SELECT r.courseId, COUNT(r), SUM(r.score) FROM RatingRecord r "
        + "GROUP BY r.courseId HAVING COUNT(r) >= :minimum")
public class RatingRecord {

    static final String OF_COURSE = "RatingRecord.ofCourse";
    static final String OF_LEARNER = "RatingRecord.ofLearner";
    static final String TOTALS = "RatingRecord.totals";
    static final String TOTALS_OF_COURSE = "RatingRecord.totalsOfCourse";

    @Id
    @Column(length = 36)
    private String id;
    @Column(name = "COURSE", length = 36, nullable = false)
    private String courseId;
    @Column(name = "LEARNER", length = 64, nullable = false)
    private String learnerId;
    @Column(nullable = false)
    private int score;
    @Column(name = "REMARK", length = 500)
    private String comment;
    @Column(nullable = false)
    private boolean shown;
    @Column(name = "HELD_BECAUSE", length = 500)
    private String heldBecause;
    @Column(name = "RATED_AT", nullable = false)
    private long ratedAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "COURSE_TEACHER_RATING", joinColumns = @JoinColumn(name = "RATING"))
    @MapKeyColumn(name = "TEACHER", length = 50)
    @Column(name = "SCORE")
    private Map<String, Integer> teachers = new HashMap<>();

    protected RatingRecord() {
    }

    RatingRecord(String id, String courseId, String learnerId) {
        this.id = id;
        this.courseId = courseId;
        this.learnerId = learnerId;
    }

    /** Sets what the learner gave; {@code heldBecause} is {@code null} for a comment that is shown. */
    void rated(int newScore, Map<String, Integer> newTeachers, String newComment, String held, Instant at) {
        score = newScore;
        teachers.clear();
        teachers.putAll(newTeachers);
        comment = newComment;
        shown = newComment != null && held == null;
        heldBecause = held;
        ratedAt = at.toEpochMilli();
    }

    String id() {
        return id;
    }

    String courseId() {
        return courseId;
    }

    long ratedAtMillis() {
        return ratedAt;
    }

    int score() {
        return score;
    }

    Map<String, Integer> teachers() {
        return Map.copyOf(teachers);
    }

    boolean shown() {
        return shown;
    }

    Feedback.Comment comment() {
        return new Feedback.Comment(score, comment, Instant.ofEpochMilli(ratedAt));
    }

    /** The rating in a list of the course's supervisors: the comment only if shown, and not who gave it. */
    CourseRating row(CourseRecord course) {
        return new CourseRating(courseId, course.title(), course.institutionId(), score, teachers(),
                shown ? comment : null, comment != null && !shown, Instant.ofEpochMilli(ratedAt));
    }

    Feedback.Given given() {
        return new Feedback.Given(courseId, score, teachers(), comment, shown, Instant.ofEpochMilli(ratedAt));
    }
}
