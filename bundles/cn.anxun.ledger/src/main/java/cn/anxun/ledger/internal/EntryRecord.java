package cn.anxun.ledger.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

import cn.anxun.ledger.LedgerEntry;
import cn.anxun.ledger.proof.Entry;

/** A ledger entry; written once, given its tree index when a checkpoint takes it in, never changed after. */
@Entity
@Table(name = "LEDGER_ENTRY")
@NamedQuery(name = EntryRecord.OF_LEARNER, query = "SELECT e FROM EntryRecord e WHERE e.learnerId = :learner "
        + "ORDER BY e.recordedAt, e.id")
// unordered: ordering a backlog would sort all of it to take one batch
@NamedQuery(name = EntryRecord.UNSEQUENCED, query = "SELECT e FROM EntryRecord e WHERE e.treeIndex IS NULL")
@NamedQuery(name = EntryRecord.SEQUENCED, query = "SELECT e FROM EntryRecord e WHERE e.treeIndex >= :from "
        + "AND e.treeIndex < :to ORDER BY e.treeIndex")
@NamedQuery(name = EntryRecord.LEAF_AT, query = "SELECT e.leafHash FROM EntryRecord e WHERE e.treeIndex = :index")
@NamedQuery(name = EntryRecord.CREDITED_SINCE, query = "SELECT SUM(e.creditedSeconds) FROM EntryRecord e "
        + "WHERE e.learnerId = :learner AND e.startedAt >= :from")
@NamedQuery(name = EntryRecord.CREDITED_IN_CLASS, query = "SELECT SUM(e.creditedSeconds) FROM EntryRecord e "
        + "WHERE e.learnerId = :learner AND e.classId = :class")
@NamedQuery(name = EntryRecord.CREDITED_IN_UNIT, query = "SELECT SUM(e.creditedSeconds) FROM EntryRecord e "
        + "WHERE e.learnerId = :learner AND e.classId = :class AND e.courseId = :course AND e.unit = :unit")
@NamedQuery(name = EntryRecord.CLASS_TOTALS, query = "SELECT e.learnerId, SUM(e.creditedSeconds) "
        + "FROM EntryRecord e WHERE e.classId = :class GROUP BY e.learnerId")
@NamedQuery(name = EntryRecord.COUNT, query = "SELECT COUNT(e) FROM EntryRecord e")
@NamedQuery(name = EntryRecord.LATEST_OF, query = "SELECT MAX(e.recordedAt) FROM EntryRecord e "
        + "WHERE e.learnerId = :learner")
@NamedQuery(name = EntryRecord.LEARNER_CLASS_TOTAL, query = "SELECT SUM(e.creditedSeconds) FROM EntryRecord e "
        + "WHERE e.classId = :class AND e.learnerId = :learner")
class EntryRecord {

    static final String OF_LEARNER = "EntryRecord.ofLearner";
    static final String UNSEQUENCED = "EntryRecord.unsequenced";
    static final String SEQUENCED = "EntryRecord.sequenced";
    static final String LEAF_AT = "EntryRecord.leafAt";
    static final String CREDITED_SINCE = "EntryRecord.creditedSince";
    static final String CREDITED_IN_CLASS = "EntryRecord.creditedInClass";
    static final String CREDITED_IN_UNIT = "EntryRecord.creditedInUnit";
    static final String CLASS_TOTALS = "EntryRecord.classTotals";
    static final String LATEST_OF = "EntryRecord.latestOf";
    static final String COUNT = "EntryRecord.count";
    static final String LEARNER_CLASS_TOTAL = "EntryRecord.learnerClassTotal";

    @Id
    @Column(length = 36)
    private String id;

    private Long treeIndex;

    @Column(length = 12, nullable = false)
    private String kind;

    @Column(length = 36, nullable = false)
    private String learnerId;

    @Column(length = 36, nullable = false)
    private String classId;

    @Column(length = 36, nullable = false)
    private String courseId;

    private int unit;

    private Long mediaFromMs;

    private Long mediaToMs;

    private Long startedAt;

    private Long endedAt;

    private long creditedSeconds;

    @Column(length = 36)
    private String openedBy;

    @Column(length = 36)
    private String closedBy;

    @Column(length = 36)
    private String sessionId;

    @Column(length = 36)
    private String corrects;

    @Column(length = 500)
    private String reason;

    private long recordedAt;

    @Column(length = 64, nullable = false)
    private String recordedBy;

    @Column(length = 64, nullable = false)
    private String leafHash;

    protected EntryRecord() {
    }

    EntryRecord(Entry entry) {
        id = entry.id();
        kind = entry.kind().name();
        learnerId = entry.learnerId();
        classId = entry.classId();
        courseId = entry.courseId();
        unit = entry.unit();
        mediaFromMs = entry.mediaFromMs();
        mediaToMs = entry.mediaToMs();
        startedAt = millis(entry.startedAt());
        endedAt = millis(entry.endedAt());
        creditedSeconds = entry.creditedSeconds();
        openedBy = entry.openedBy();
        closedBy = entry.closedBy();
        sessionId = entry.sessionId();
        corrects = entry.corrects();
        reason = entry.reason();
        recordedAt = entry.recordedAt().toEpochMilli();
        recordedBy = entry.recordedBy();
        leafHash = HexFormat.of().formatHex(entry.leafHash());
    }

    long recordedAt() {
        return recordedAt;
    }

    String id() {
        return id;
    }

    Long treeIndex() {
        return treeIndex;
    }

    void sequenced(long index) {
        treeIndex = index;
    }

    String learnerId() {
        return learnerId;
    }

    String classId() {
        return classId;
    }

    byte[] leafHash() {
        return HexFormat.of().parseHex(leafHash);
    }

    /** The entry as its fields now read, whatever the stored leaf hash says. */
    Entry entry() {
        return new Entry(id, Entry.Kind.valueOf(kind), learnerId, classId, courseId, unit, mediaFromMs, mediaToMs,
                instant(startedAt), instant(endedAt), creditedSeconds, openedBy, closedBy, sessionId, corrects,
                reason, Instant.ofEpochMilli(recordedAt), recordedBy);
    }

    LedgerEntry view() {
        Entry entry = entry();
        return new LedgerEntry(treeIndex, entry, new String(entry.bytes(), StandardCharsets.UTF_8));
    }

    private static Long millis(Instant at) {
        return at == null ? null : at.toEpochMilli();
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
