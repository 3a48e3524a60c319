package cn.anxun.ledger.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

import cn.anxun.ledger.SignedCheckpoint;

/** A signed checkpoint; the largest tree size is the tree's head, the row a new checkpoint locks. */
@Entity
@Table(name = "LEDGER_CHECKPOINT")
@NamedQuery(name = CheckpointRecord.LATEST, query = "SELECT c FROM CheckpointRecord c ORDER BY c.treeSize DESC")
@NamedQuery(name = CheckpointRecord.ALL, query = "SELECT c FROM CheckpointRecord c ORDER BY c.treeSize")
class CheckpointRecord {

    static final String LATEST = "CheckpointRecord.latest";
    static final String ALL = "CheckpointRecord.all";

    @Id
    private long treeSize;

    @Column(length = 64, nullable = false)
    private String rootHash;

    private long signedAt;

    @Column(length = 2000, nullable = false)
    private String note;

    protected CheckpointRecord() {
    }

    CheckpointRecord(long treeSize, String rootHash, Instant signedAt, String note) {
        this.treeSize = treeSize;
        this.rootHash = rootHash;
        this.signedAt = signedAt.toEpochMilli();
        this.note = note;
    }

    long treeSize() {
        return treeSize;
    }

    String rootHash() {
        return rootHash;
    }

    SignedCheckpoint view() {
        return new SignedCheckpoint(treeSize, rootHash, Instant.ofEpochMilli(signedAt), note);
    }
}
