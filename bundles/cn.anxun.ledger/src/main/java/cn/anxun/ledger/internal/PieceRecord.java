package cn.anxun.ledger.internal;

import java.util.UUID;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

/** Time earned in one unit within the open segment of a session: credited when the segment closes, else dropped. */
@Entity
@Table(name = "STUDY_PIECE")
@NamedQuery(name = PieceRecord.OF_SESSION, query = "SELECT p FROM PieceRecord p WHERE p.sessionId = :session "
        + "ORDER BY p.startedAt, p.id")
@NamedQuery(name = PieceRecord.DROP, query = "DELETE FROM PieceRecord p WHERE p.sessionId = :session")
class PieceRecord {

    static final String OF_SESSION = "PieceRecord.ofSession";
    static final String DROP = "PieceRecord.drop";

    @Id
    @Column(length = 36)
    private String id;

    @Column(length = 36, nullable = false)
    private String sessionId;

    private int unit;

    private Long mediaFromMs;

    private Long mediaToMs;

    private long startedAt;

    private long endedAt;

    private long earnedMs;

    protected PieceRecord() {
    }

    PieceRecord(String sessionId, int unit, Long mediaFromMs, long startedAt) {
        this.id = UUID.randomUUID().toString();
        this.sessionId = sessionId;
        this.unit = unit;
        this.mediaFromMs = mediaFromMs;
        this.mediaToMs = mediaFromMs;
        this.startedAt = startedAt;
        this.endedAt = startedAt;
    }

    int unit() {
        return unit;
    }

    Long mediaFromMs() {
        return mediaFromMs;
    }

    Long mediaToMs() {
        return mediaToMs;
    }

    long startedAt() {
        return startedAt;
    }

    long endedAt() {
        return endedAt;
    }

    long earnedMs() {
        return earnedMs;
    }

    /** Whether the next earned interval continues this piece: same unit, from where it ended. */
    boolean continuedBy(int nextUnit, Long fromMs, long from) {
        return unit == nextUnit && endedAt == from && java.util.Objects.equals(mediaToMs, fromMs);
    }

    void extend(Long toMs, long until, long ms) {
        mediaToMs = toMs;
        endedAt = until;
        earnedMs += ms;
    }
}
