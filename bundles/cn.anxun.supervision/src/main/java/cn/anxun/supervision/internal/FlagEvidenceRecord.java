package cn.anxun.supervision.internal;

import java.io.Serializable;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

/** A record that shows a flag, as {@code <kind>:<id>}. */
@Entity
@Table(name = "FLAG_EVIDENCE")
@IdClass(FlagEvidenceRecord.Key.class)
@NamedQuery(name = FlagEvidenceRecord.OF_FLAGS, query = "SELECT e FROM FlagEvidenceRecord e "
        + "WHERE e.flagId IN :flags ORDER BY e.flagId, e.record")
class FlagEvidenceRecord {

    static final String OF_FLAGS = "FlagEvidenceRecord.ofFlags";

    /** The primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        public String flagId;
        public String record;

        public Key() {
        }

        Key(String flagId, String record) {
            this.flagId = flagId;
            this.record = record;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && flagId.equals(key.flagId) && record.equals(key.record);
        }

        @Override
        public int hashCode() {
            return flagId.hashCode() * 31 + record.hashCode();
        }
    }

    @Id
    @Column(length = 36)
    private String flagId;

    @Id
    @Column(name = "REF", length = 100)
    private String record;

    protected FlagEvidenceRecord() {
    }

    FlagEvidenceRecord(String flagId, String record) {
        this.flagId = flagId;
        this.record = record;
    }

    String flagId() {
        return flagId;
    }

    String record() {
        return record;
    }
}
