package cn.anxun.support.internal;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

import cn.anxun.support.CalendarDay;

/** A day off the rule of Monday to Friday. */
@Entity
@Table(name = "CALENDAR_DAY")
@NamedQuery(name = CalendarDayRecord.BETWEEN, query = "SELECT d FROM CalendarDayRecord d "
        + "WHERE d.day >= :from AND d.day <= :to ORDER BY d.day")
@NamedQuery(name = CalendarDayRecord.OF_YEAR, query = "SELECT d FROM CalendarDayRecord d WHERE d.year = :year "
        + "ORDER BY d.day")
@NamedQuery(name = CalendarDayRecord.DELETE_YEAR, query = "DELETE FROM CalendarDayRecord d WHERE d.year = :year")
class CalendarDayRecord {

    static final String BETWEEN = "CalendarDayRecord.between";
    static final String OF_YEAR = "CalendarDayRecord.ofYear";
    static final String DELETE_YEAR = "CalendarDayRecord.deleteYear";

    /** ISO date, so that it compares as text. */
    @Id
    @Column(name = "CALENDARDAY", length = 10)
    private String day;

    @Column(name = "CALENDARYEAR")
    private int year;

    @Column(length = 10, nullable = false)
    private String kind;

    @Column(length = 50, nullable = false)
    private String name;

    protected CalendarDayRecord() {
    }

    CalendarDayRecord(CalendarDay day) {
        this.day = day.date().toString();
        this.year = day.date().getYear();
        this.kind = day.kind().name();
        this.name = day.name();
    }

    CalendarDay view() {
        return new CalendarDay(LocalDate.parse(day), CalendarDay.Kind.valueOf(kind), name);
    }
}
