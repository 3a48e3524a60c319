package cn.anxun.institutions;

import java.time.Instant;
import java.util.List;

/**
 * An offline training institution reported to a city bureau.
 *
 * @param city GB/T 2260 code of the city whose register holds it
 * @param filingNumber the number under which it reported to the bureau (备案/报告编号)
 * @param siteAddress where it trains (an institution's address, not a person's)
 * @param programmes the training programmes it may train for
 */
public record OfflineInstitution(String id, String city, String name, String creditCode, String filingNumber,
        String siteAddress, List<String> programmes, Status status, Instant updatedAt) {

    /** Whether the institution trains now. */
    public enum Status { ACTIVE, SUSPENDED, CLOSED }
}
