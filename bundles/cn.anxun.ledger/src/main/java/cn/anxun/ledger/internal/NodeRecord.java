package cn.anxun.ledger.internal;

import java.io.Serializable;
import java.util.HexFormat;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** The hash of a complete subtree of {@code 2^level} leaves, level 1 and up (leaves are in the entries). */
@Entity
@Table(name = "LEDGER_NODE")
@IdClass(NodeRecord.Key.class)
class NodeRecord {

    /** The primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        public int level;
        public long position;

        public Key() {
        }

        Key(int level, long position) {
            this.level = level;
            this.position = position;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && level == key.level && position == key.position;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(position) * 31 + level;
        }
    }

    @Id
    @Column(name = "LVL")
    private int level;

    @Id
    @Column(name = "IDX")
    private long position;

    @Column(length = 64, nullable = false)
    private String hash;

    protected NodeRecord() {
    }

    NodeRecord(int level, long position, byte[] hash) {
        this.level = level;
        this.position = position;
        this.hash = HexFormat.of().formatHex(hash);
    }

    byte[] hash() {
        return HexFormat.of().parseHex(hash);
    }
}
