package cn.anxun.support.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.Test;

import cn.anxun.support.CalendarDay.Kind;

/** The deadlines of 2026 across weekends, the National Day holiday and the Saturday worked in its exchange. */
public class WorkingDaysTest {

    private static final WorkingDays OCTOBER = new WorkingDays(Map.ofEntries(
            Map.entry(LocalDate.of(2026, 9, 20), Kind.WORKDAY),
            Map.entry(LocalDate.of(2026, 9, 25), Kind.HOLIDAY), Map.entry(LocalDate.of(2026, 9, 26), Kind.HOLIDAY),
            Map.entry(LocalDate.of(2026, 9, 27), Kind.HOLIDAY), Map.entry(LocalDate.of(2026, 10, 1), Kind.HOLIDAY),
            Map.entry(LocalDate.of(2026, 10, 2), Kind.HOLIDAY), Map.entry(LocalDate.of(2026, 10, 3), Kind.HOLIDAY),
            Map.entry(LocalDate.of(2026, 10, 4), Kind.HOLIDAY), Map.entry(LocalDate.of(2026, 10, 5), Kind.HOLIDAY),
            Map.entry(LocalDate.of(2026, 10, 6), Kind.HOLIDAY), Map.entry(LocalDate.of(2026, 10, 7), Kind.HOLIDAY),
            Map.entry(LocalDate.of(2026, 10, 10), Kind.WORKDAY)));

    @Test
    public void aHolidayIsOffWhateverTheWeekdayAndAWorkedWeekendDayIsOn() {
        assertFalse(OCTOBER.isWorkingDay(LocalDate.of(2026, 10, 1)));
        assertTrue(OCTOBER.isWorkingDay(LocalDate.of(2026, 10, 10)));
        assertFalse(OCTOBER.isWorkingDay(LocalDate.of(2026, 10, 11)));
        assertTrue(OCTOBER.isWorkingDay(LocalDate.of(2026, 10, 12)));
    }

    @Test
    public void threeWorkingDaysCrossAWeekendAndAHoliday() {
        // Friday: Saturday and Sunday off, then Monday to Wednesday
        assertEquals(LocalDate.of(2026, 12, 16), OCTOBER.after(LocalDate.of(2026, 12, 11), 3));
        // the Friday before the Sunday worked for National Day
        assertEquals(LocalDate.of(2026, 9, 22), OCTOBER.after(LocalDate.of(2026, 9, 18), 3));
        // Wednesday before National Day: the holiday, then Thursday, Friday and the Saturday worked
        assertEquals(LocalDate.of(2026, 10, 10), OCTOBER.after(LocalDate.of(2026, 9, 30), 3));
        // a ticket opened during the holiday counts from its end
        assertEquals(LocalDate.of(2026, 10, 10), OCTOBER.after(LocalDate.of(2026, 10, 3), 3));
        // the Sunday after the Saturday worked is off again
        assertEquals(LocalDate.of(2026, 10, 12), OCTOBER.after(LocalDate.of(2026, 10, 8), 3));
    }

    @Test
    public void resolutionIsDueAtTheEndOfTheLastWorkingDayChinaTime() {
        assertEquals(Instant.parse("2026-10-10T16:00:00Z"), TicketRules.endOf(LocalDate.of(2026, 10, 10)));
    }
}
