package cn.anxun.feed;

import java.time.Instant;

/**
 * A learner in a class and how far they have got, an item of the feed's {@code enrolments}: the ledger's totals,
 * the test and the certificate. The learner is named by account, never by ID number or name.
 *
 * @param region the learner's county, else city
 * @param requiredSeconds credited study the class asks for; 45 minutes make a study hour
 * @param creditedSeconds credited by the ledger so far
 * @param completedAt when the credited study reached what the class asks, else {@code null}
 * @param testResult PASSED, FAILED or {@code null} before a graded attempt
 * @param certificateStatus VALID or REVOKED, {@code null} before one is issued
 */
public record FeedEnrolment(String classId, String learnerId, String institutionId, String programmeCode,
        String city, String region, Instant enrolledAt, long requiredSeconds, long creditedSeconds,
        Instant completedAt, int attempts, String testResult, Integer bestScore, Instant passedAt,
        String certificate, String certificateStatus) {
}
