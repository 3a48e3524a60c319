package cn.anxun.support;

import java.time.LocalDate;

/**
 * A day that the calendar of public holidays moves off the rule of Monday to Friday.
 *
 * @param name the holiday, e.g. 国庆节
 */
public record CalendarDay(LocalDate date, Kind kind, String name) {

    public enum Kind {
        /** A public holiday or a rest day of one: no work, whatever the weekday. */
        HOLIDAY,
        /** A weekend day worked in exchange for a holiday (调休上班). */
        WORKDAY
    }
}
