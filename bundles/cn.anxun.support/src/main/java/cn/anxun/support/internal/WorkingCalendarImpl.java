package cn.anxun.support.internal;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.identity.AccessPolicy;
import cn.anxun.identity.AuditLog;
import cn.anxun.identity.Caller;
import cn.anxun.identity.FreeText;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.Operation;
import cn.anxun.identity.RecordKind;
import cn.anxun.identity.Scope;
import cn.anxun.identity.Violation;
import cn.anxun.sheets.Sheet;
import cn.anxun.support.CalendarDay;
import cn.anxun.support.CalendarYear;
import cn.anxun.support.WorkingCalendar;

/** The calendar in the support unit's tables; the current year's holidays come with the schema. */
@Component(service = WorkingCalendar.class)
public class WorkingCalendarImpl implements WorkingCalendar {

    /** More than the longest run of days off: a span that always holds a count of three working days. */
    private static final int SPAN_DAYS = 60;

    private final JpaTemplate jpa;
    private final Clock clock;
    private final AccessPolicy policy;
    private final AuditLog audit;

    @Activate
    public WorkingCalendarImpl(@Reference(target = "(osgi.unit.name=anxun-support)") JpaTemplate jpa,
            @Reference Clock clock, @Reference AccessPolicy policy, @Reference AuditLog audit) {
        this.jpa = jpa;
        this.clock = clock;
        this.policy = policy;
        this.audit = audit;
    }

    @Override
    public boolean isWorkingDay(LocalDate day) {
        return between(day, day).isWorkingDay(day);
    }

    @Override
    public LocalDate workingDaysAfter(LocalDate day, int count) {
        return between(day, day.plusDays(SPAN_DAYS + 2L * count)).after(day, count);
    }

    @Override
    public CalendarYear year(Caller caller, int year) {
        policy.require(caller, Operation.READ, Scope.platform(RecordKind.WORKING_CALENDAR, String.valueOf(year)));
        return read(year);
    }

    private CalendarYear read(int year) {
        return jpa.txExpr(TransactionType.Required, em -> new CalendarYear(year,
                em.find(CalendarYearRecord.class, year) != null, em.createNamedQuery(CalendarDayRecord.OF_YEAR,
                        CalendarDayRecord.class).setParameter("year", year).getResultStream()
                        .map(CalendarDayRecord::view).toList()));
    }

    @Override
    public CalendarYear load(Caller caller, int year, byte[] sheet) {
        policy.require(caller, Operation.UPDATE, Scope.platform(RecordKind.WORKING_CALENDAR, String.valueOf(year)));
        List<CalendarDay> days = days(year, Sheet.read(sheet));
        jpa.tx(TransactionType.Required, em -> {
            em.createNamedQuery(CalendarDayRecord.DELETE_YEAR).setParameter("year", year).executeUpdate();
            days.forEach(day -> em.persist(new CalendarDayRecord(day)));
            CalendarYearRecord loaded = em.find(CalendarYearRecord.class, year);
            if (loaded == null) {
                em.persist(new CalendarYearRecord(year, clock.instant(), caller.name()));
            } else {
                loaded.loaded(clock.instant(), caller.name());
            }
            audit.record(em, caller, "working-calendar.update", "working-calendar:" + year, null, "success",
                    days.size() + " days");
        });
        return read(year);
    }

    private WorkingDays between(LocalDate from, LocalDate to) {
        Map<LocalDate, CalendarDay.Kind> exceptions = jpa.txExpr(TransactionType.Required, em -> em
                .createNamedQuery(CalendarDayRecord.BETWEEN, CalendarDayRecord.class)
                .setParameter("from", from.toString()).setParameter("to", to.toString()).getResultStream()
                .map(CalendarDayRecord::view).collect(Collectors.toMap(CalendarDay::date, CalendarDay::kind)));
        return new WorkingDays(exceptions);
    }

    /** The rows under the header, each a date of the year, a kind and a name; 422 naming every broken row. */
    private static List<CalendarDay> days(int year, List<Sheet.Line> lines) {
        List<Violation> violations = new ArrayList<>();
        Map<LocalDate, CalendarDay> days = new TreeMap<>();
        for (Sheet.Line line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String field = "line " + line.number();
            try {
                LocalDate date = LocalDate.parse(line.cell(0));
                CalendarDay.Kind kind = CalendarDay.Kind.valueOf(line.cell(1));
                String name = FreeText.check(violations, field, line.cell(2), 50, true);
                if (date.getYear() != year) {
                    violations.add(new Violation(field, "in-year", "is a day of " + year));
                } else if (days.put(date, new CalendarDay(date, kind, name)) != null) {
                    violations.add(new Violation(field, "unique", "repeats " + date));
                }
            } catch (DateTimeException | IllegalArgumentException e) {
                violations.add(new Violation(field, "calendar-day", "is date (ISO), kind (HOLIDAY or WORKDAY), "
                        + "name"));
            }
        }
        if (days.isEmpty() && violations.isEmpty()) {
            violations.add(new Violation("file", "required", "has a header and a row for each holiday and each "
                    + "weekend day worked in exchange of " + year));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return List.copyOf(days.values());
    }
}
