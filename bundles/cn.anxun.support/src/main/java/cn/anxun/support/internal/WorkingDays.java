package cn.anxun.support.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;

import cn.anxun.support.CalendarDay;

/** The rule of working days over the days a calendar moves off Monday to Friday. */
record WorkingDays(Map<LocalDate, CalendarDay.Kind> exceptions) {

    WorkingDays {
        exceptions = Map.copyOf(exceptions);
    }

    boolean isWorkingDay(LocalDate day) {
        CalendarDay.Kind kind = exceptions.get(day);
        if (kind != null) {
            return kind == CalendarDay.Kind.WORKDAY;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    LocalDate after(LocalDate day, int count) {
        LocalDate next = day;
        for (int found = 0; found < count; ) {
            next = next.plusDays(1);
            if (isWorkingDay(next)) {
                found++;
            }
        }
        return next;
    }
}
