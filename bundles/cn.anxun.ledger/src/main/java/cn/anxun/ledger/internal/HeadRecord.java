package cn.anxun.ledger.internal;

import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** The one row that a checkpoint locks while it takes entries into the tree: how many leaves the tree has. */
@Entity
@Table(name = "LEDGER_HEAD")
class HeadRecord {

    static final int ID = 1;

    @Id
    private int id;

    private long treeSize;

    protected HeadRecord() {
    }

    long treeSize() {
        return treeSize;
    }

    void grew(long size) {
        treeSize = size;
    }
}
