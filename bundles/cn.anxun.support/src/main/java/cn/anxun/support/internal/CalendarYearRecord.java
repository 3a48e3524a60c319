package cn.anxun.support.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A year whose holidays are loaded. */
@Entity
@Table(name = "CALENDAR_YEAR")
class CalendarYearRecord {

    @Id
    @Column(name = "CALENDARYEAR")
    private int year;

    private long loadedAt;

    @Column(length = 100, nullable = false)
    private String loadedBy;

    protected CalendarYearRecord() {
    }

    CalendarYearRecord(int year, Instant at, String by) {
        this.year = year;
        loaded(at, by);
    }

    void loaded(Instant at, String by) {
        this.loadedAt = at.toEpochMilli();
        this.loadedBy = by;
    }
}
