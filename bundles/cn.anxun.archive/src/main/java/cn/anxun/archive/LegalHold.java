package cn.anxun.archive;

import java.time.Instant;

/**
 * A regulator's legal hold on a learner's archive: while it stands, the archive is kept whole past its retention.
 *
 * @param placedBy the regulator's user name
 * @param releasedAt when it was lifted, or {@code null} while it stands
 * @since 1.2
 */
public record LegalHold(String id, String learnerId, String reason, String placedBy, Instant placedAt,
        String releasedBy, Instant releasedAt, String releaseReason) {

    public boolean standing() {
        return releasedAt == null;
    }
}
