package cn.anxun.support;

import java.util.List;

/**
 * A year of the working-day calendar.
 *
 * @param loaded whether the year's holidays were loaded; without them every Monday to Friday is a working day
 * @param days the days off the rule, in order
 */
public record CalendarYear(int year, boolean loaded, List<CalendarDay> days) {
}
