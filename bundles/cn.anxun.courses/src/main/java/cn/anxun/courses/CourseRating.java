package cn.anxun.courses;

import java.time.Instant;
import java.util.Map;

/**
 * One learner's rating of a course as its supervisors see it, without who gave it.
 *
 * @param teachers the scores for the course's teachers, by name
 * @param comment the comment as shown, {@code null} if there is none or it is held back
 * @param commentHeld whether the learner wrote a comment that the content filters held back; the audit log says why
 * @since 1.4
 */
public record CourseRating(String courseId, String courseTitle, String institutionId, int score,
        Map<String, Integer> teachers, String comment, boolean commentHeld, Instant ratedAt) {

    public CourseRating {
        teachers = Map.copyOf(teachers);
    }
}
