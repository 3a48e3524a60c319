package cn.anxun.archive.internal;

import java.time.Instant;
import java.util.UUID;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

import cn.anxun.archive.LegalHold;

/** A legal hold in {@code LEGAL_HOLD}; lifted, it stays as a record of the hold. */
@Entity
@Table(name = "LEGAL_HOLD")
@NamedQuery(name = LegalHoldRecord.OF_LEARNER, query = "SELECT h FROM LegalHoldRecord h WHERE h.learnerId = :learner "
        + "ORDER BY h.placedAt, h.id")
class LegalHoldRecord {

    static final String OF_LEARNER = "LegalHoldRecord.ofLearner";

    @Id
    @Column(length = 36)
    private String id;

    @Column(length = 36, nullable = false)
    private String learnerId;

    @Column(length = 500, nullable = false)
    private String reason;

    @Column(length = 64, nullable = false)
    private String placedBy;

    private long placedAt;

    @Column(length = 64)
    private String releasedBy;

    private Long releasedAt;

    @Column(length = 500)
    private String releaseReason;

    protected LegalHoldRecord() {
    }

    LegalHoldRecord(String learnerId, String reason, String placedBy, Instant placedAt) {
        this.id = UUID.randomUUID().toString();
        this.learnerId = learnerId;
        this.reason = reason;
        this.placedBy = placedBy;
        this.placedAt = placedAt.toEpochMilli();
    }

    String learnerId() {
        return learnerId;
    }

    boolean standing() {
        return releasedAt == null;
    }

    void release(String by, Instant at, String why) {
        releasedBy = by;
        releasedAt = at.toEpochMilli();
        releaseReason = why;
    }

    LegalHold view() {
        return new LegalHold(id, learnerId, reason, placedBy, Instant.ofEpochMilli(placedAt), releasedBy,
                releasedAt == null ? null : Instant.ofEpochMilli(releasedAt), releaseReason);
    }
}
