package cn.anxun.support;

import java.time.LocalDate;

import cn.anxun.identity.Caller;

/**
 * The working days of mainland China: Monday to Friday, but for the public holidays and with the weekend days worked
 * in their exchange (调休), as the operator loads them a year at a time.
 */
public interface WorkingCalendar {

    boolean isWorkingDay(LocalDate day);

    /** The {@code count}th working day after {@code day}, which need not be one itself. */
    LocalDate workingDaysAfter(LocalDate day, int count);

    /** For the operator. */
    CalendarYear year(Caller caller, int year);

    /**
     * Replaces a year's days with those of a sheet (CSV or workbook) of {@code date, kind, name} rows under a header;
     * for the operator, audited.
     *
     * @throws cn.anxun.identity.InvalidInputException naming the row and the rule, leaving the year as it was
     */
    CalendarYear load(Caller caller, int year, byte[] sheet);
}
