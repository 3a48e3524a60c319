package cn.anxun.supervision.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** Where the last look at the records ended: the next one starts there. One row. */
@Entity
@Table(name = "FLAG_LOOK")
class FlagLookRecord {

    static final int ONLY = 1;

    @Id
    @Column(name = "LOOK")
    private int look;

    private long lookedUntil;

    protected FlagLookRecord() {
    }

    FlagLookRecord(Instant until) {
        this.look = ONLY;
        this.lookedUntil = until.toEpochMilli();
    }

    Instant until() {
        return Instant.ofEpochMilli(lookedUntil);
    }

    void until(Instant next) {
        this.lookedUntil = next.toEpochMilli();
    }
}
