package cn.anxun.classes;

import java.time.Instant;

/**
 * A learner's enrolment in a class.
 *
 * @param enrolledBy the account of the institution's staff who enrolled them
 * @since 1.2
 */
public record Enrolment(String classId, String learnerId, Instant enrolledAt, String enrolledBy) {
}
