package cn.anxun.classes;

import java.time.Instant;
import java.time.LocalDate;

/**
 * How far a learner enrolled in a class has got: the hours credited, the test, the certificate.
 *
 * @param region the learner's county, else their city: where the row lies for regulators
 * @param requiredSeconds the class's online hours in seconds; {@code completedAt} is when credit first reached them
 * @param test the best result of the graded attempts, {@code null} before the first
 * @param certificate the number of the certificate issued, {@code null} before it
 * @since 1.4
 */
public record EnrolmentProgress(String classId, String className, String learnerId, String institutionId,
        String programmeCode, String city, String region, LocalDate startsOn, LocalDate endsOn, Instant enrolledAt,
        long creditedSeconds, long requiredSeconds, Instant lastCreditedAt, Instant completedAt, int attempts,
        TestResult test, Integer bestScore, Instant passedAt, String certificate, boolean certificateRevoked) {

    /** The outcome of a learner's graded attempts at a class's test. */
    public enum TestResult {
        PASSED, FAILED
    }
}
