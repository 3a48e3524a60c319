package cn.anxun.courses;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What learners think of a course and its teachers.
 *
 * @param courseId the course
 * @param ratings how many learners rated it
 * @param average their mean score, 1–5, to two places; {@code null} before the first rating
 * @param teachers each teacher's mean score
 * @param lowSatisfaction whether the course is under the configured threshold with enough ratings: flagged to its
 *        institution and the operator
 * @param comments the comments the content filters let through, newest first, without who wrote them
 */
public record Feedback(String courseId, int ratings, BigDecimal average, Map<String, BigDecimal> teachers,
        boolean lowSatisfaction, List<Comment> comments) {

    /** A comment as others see it. */
    public record Comment(int score, String text, Instant at) {
    }

    /**
     * What a learner writes.
     *
     * @param score the course, 1–5
     * @param teachers scores for its teachers, by name, 1–5
     * @param comment up to 500 characters, screened before it is shown
     */
    public record Rating(Integer score, Map<String, Integer> teachers, String comment) {
    }

    /**
     * A learner's own rating as stored.
     *
     * @param commentShown whether the comment passed the content filters; a held one is kept but not shown, and the
     *        audit log says why
     */
    public record Given(String courseId, int score, Map<String, Integer> teachers, String comment,
            boolean commentShown, Instant at) {
    }
}
