package cn.anxun.feed;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A study-hour certificate (合格证明), an item of the feed's {@code certificates}: what it states and whether it stands.
 *
 * @param status VALID or REVOKED
 * @param learnerName and {@code idNumber} masked as on the certificate, e.g. 张* and 44************123X
 * @param region the learner's county, else city
 * @param onlineHours the study hours credited online, as printed
 * @param predecessor the number of the revoked certificate it replaces, else {@code null}
 */
public record FeedCertificate(String number, String status, String learnerId, String learnerName, String idNumber,
        String region, String classId, String programmeCode, String institutionId, String registrationNumber,
        String city, long creditedSeconds, String onlineHours, LocalDate completedOn, int score, int passMark,
        Instant issuedAt, String predecessor, Instant revokedAt, String revocationReason) {
}
