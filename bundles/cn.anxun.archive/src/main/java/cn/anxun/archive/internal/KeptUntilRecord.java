package cn.anxun.archive.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

/**
 * When a learner's archive was found to be kept until, in {@code ARCHIVE_KEPT_UNTIL}: a new record only makes it
 * later, so the retention need not look at the archive again before then.
 */
@Entity
@Table(name = "ARCHIVE_KEPT_UNTIL")
@NamedQuery(name = KeptUntilRecord.OF, query = "SELECT k FROM KeptUntilRecord k WHERE k.learnerId IN :learners")
class KeptUntilRecord {

    static final String OF = "KeptUntilRecord.of";

    @Id
    @Column(length = 36)
    private String learnerId;

    private long keptUntil;

    protected KeptUntilRecord() {
    }

    KeptUntilRecord(String learnerId, Instant keptUntil) {
        this.learnerId = learnerId;
        this.keptUntil = keptUntil.toEpochMilli();
    }

    String learnerId() {
        return learnerId;
    }

    Instant keptUntil() {
        return Instant.ofEpochMilli(keptUntil);
    }
}
