package cn.anxun.archive;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A study-hour certificate (学时证明 / 培训合格证明) of a learner who completed a class: the online hours credited
 * and the test passed. What it states is fixed when it is issued; a correction is a new certificate that points to
 * the revoked one it replaces.
 *
 * @param number what the paper copy shows and anyone may verify with: sixteen characters, unguessable
 * @param learnerName masked, e.g. {@code 张*丰}; the PDF shows the name in full
 * @param idNumber masked, e.g. {@code 44************123X}
 * @param registrationNumber the institution's registration in the class's city
 * @param creditedSeconds the time credited online in the class, as the ledger has it
 * @param onlineHours 学时 credited online, to one decimal, rounded down
 * @param offlineHours 学时 of the offline part; {@code null} since the platform does not record them
 * @param completedOn the day the learner passed the test: the last of what the class asked for
 * @param checkpointSize the size of the ledger's signed checkpoint that holds every entry behind the hours
 * @param checkpointRoot that checkpoint's root hash, in hex
 * @param predecessor the number of the revoked certificate this one replaces, or {@code null}
 * @param lookups how often the number has been verified publicly
 * @param verificationUrl the page its QR code opens
 */
public record Certificate(String id, String number, Status status, String learnerId, String learnerName,
        String idNumber, String classId, String className, String programmeCode, String programmeName,
        String institutionId, String institutionName, String registrationNumber, String city, long creditedSeconds,
        String onlineHours, String offlineHours, LocalDate startsOn, LocalDate endsOn, LocalDate completedOn,
        int score, int totalPoints, int passMark, String attemptId, long checkpointSize, String checkpointRoot,
        Instant issuedAt, String issuedBy, String predecessor, Instant revokedAt, String revokedBy,
        String revocationReason, long lookups, String verificationUrl) {

    public enum Status {
        VALID,
        /** Withdrawn by the operator or the city's regulator; it verifies as revoked, with the date. */
        REVOKED
    }
}
