package cn.anxun.supervision;

import java.time.Instant;
import java.util.List;

/**
 * A suspicious pattern found in the records, for the regulators of the region it lies in: a learner's county
 * (else city), an institution's city.
 *
 * @param kind what pattern, e.g. {@code shared-face}; {@code label} says it for people
 * @param learnerId the learner it is about, or {@code null} for an institution's
 * @param institutionId the learner's institution, or the institution it is about
 * @param summary what was seen last, with its figures
 * @param records the records that show it, each as {@code <kind>:<id>}, gathered over every time it was seen
 * @param dismissal why a regulator dismissed it, {@code null} while it is open
 */
public record Flag(String id, String kind, String label, String learnerId, String institutionId, String region,
        String summary, List<String> records, Status status, Instant firstSeenAt, Instant lastSeenAt,
        String dismissedBy, String dismissal) {

    public enum Status {
        /** For the regulators to look into. */
        OPEN,
        /** Looked into and found innocent, with a reason. */
        DISMISSED
    }
}
