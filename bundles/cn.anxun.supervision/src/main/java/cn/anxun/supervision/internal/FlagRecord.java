package cn.anxun.supervision.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

import cn.anxun.api.supervision.Suspicion;
import cn.anxun.identity.RecordKind;
import cn.anxun.identity.Scope;
import cn.anxun.supervision.Flag;

/** A flag as it stands; the records that show it are {@link FlagEvidenceRecord}s. */
@Entity
@Table(name = "FLAG")
@NamedQuery(name = FlagRecord.BY_KEY, query = "SELECT f FROM FlagRecord f WHERE f.flagKey = :key")
class FlagRecord {

    static final String BY_KEY = "FlagRecord.byKey";

    @Id
    @Column(length = 36)
    private String id;

    @Column(length = 200, nullable = false, unique = true)
    private String flagKey;

    @Column(length = 30, nullable = false)
    private String kind;

    @Column(length = 100, nullable = false)
    private String label;

    @Column(length = 36)
    private String learnerId;

    @Column(length = 64)
    private String institutionId;

    @Column(length = 6, nullable = false)
    private String region;

    @Column(length = 1000, nullable = false)
    private String summary;

    @Column(length = 10, nullable = false)
    private String status;

    private long firstSeenAt;

    private long lastSeenAt;

    @Column(length = 100)
    private String dismissedBy;

    @Column(length = 500)
    private String dismissal;

    protected FlagRecord() {
    }

    FlagRecord(String kind, String label, Suspicion suspicion, String institutionId, String region, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.flagKey = suspicion.key();
        this.kind = kind;
        this.label = label;
        this.learnerId = suspicion.learnerId();
        this.institutionId = institutionId;
        this.region = region;
        this.status = Flag.Status.OPEN.name();
        this.firstSeenAt = now.toEpochMilli();
        seenAgain(suspicion, now);
    }

    String id() {
        return id;
    }

    long firstSeenAt() {
        return firstSeenAt;
    }

    Flag.Status status() {
        return Flag.Status.valueOf(status);
    }

    /** Found again: what was seen last; its records are added to the others. */
    void seenAgain(Suspicion suspicion, Instant now) {
        this.summary = suspicion.summary().length() > 1000 ? suspicion.summary().substring(0, 1000)
                : suspicion.summary();
        this.lastSeenAt = now.toEpochMilli();
    }

    void dismiss(String by, String reason) {
        this.status = Flag.Status.DISMISSED.name();
        this.dismissedBy = by;
        this.dismissal = reason;
    }

    /** The flag for the policy: it lies in its region and belongs to its institution. */
    Scope scope() {
        return new Scope(RecordKind.FLAG, "flag:" + id, Set.of(), institutionId == null ? Set.of()
                : Set.of(institutionId), Set.of(region), false);
    }

    Flag view(List<String> records) {
        return new Flag(id, kind, label, learnerId, institutionId, region, summary, records, status(),
                Instant.ofEpochMilli(firstSeenAt), Instant.ofEpochMilli(lastSeenAt), dismissedBy, dismissal);
    }
}
