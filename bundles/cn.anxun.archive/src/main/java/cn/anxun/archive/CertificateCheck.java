package cn.anxun.archive;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What anyone verifying a certificate's number learns: enough to check a paper copy against, no more. The name and
 * ID number are masked, and the reason for a revocation is not told.
 *
 * @param learnerName masked, e.g. {@code 张*丰}
 * @param idNumber masked, e.g. {@code 44************123X}
 * @param revokedAt when it was revoked, or {@code null} while it is valid
 * @param predecessor the number of the revoked certificate this one replaces, or {@code null}
 * @param lookups how often the number has been verified, this time included
 */
public record CertificateCheck(String number, Certificate.Status status, String learnerName, String idNumber,
        String programmeName, String className, String institutionName, String registrationNumber,
        String onlineHours, String offlineHours, LocalDate startsOn, LocalDate endsOn, LocalDate completedOn,
        Instant issuedAt, Instant revokedAt, String predecessor, long lookups) {
}
