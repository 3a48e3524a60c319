package cn.anxun.supervision;

import cn.anxun.classes.EnrolmentTotals;

/**
 * One part of a region.
 *
 * @param key the city or county code, or the institution's id
 * @param studyingNow learners whose study session beats now
 * @param completionRate completed ÷ enrolled, {@code null} without enrolments
 * @param passRate passed ÷ tested, {@code null} before a test is graded
 */
public record OverviewRow(String key, long enrolled, long studyingNow, long creditedSecondsThisWeek,
        long creditedSecondsThisMonth, long completed, Double completionRate, long tested, long passed,
        Double passRate, long certified) {

    /** The row of a part's enrolments and the learners studying in it now. */
    public static OverviewRow of(EnrolmentTotals totals, long studyingNow) {
        return new OverviewRow(totals.key(), totals.enrolled(), studyingNow, totals.creditedThisWeek(),
                totals.creditedThisMonth(), totals.completed(), rate(totals.completed(), totals.enrolled()),
                totals.tested(), totals.passed(), rate(totals.passed(), totals.tested()), totals.certified());
    }

    /** A share to four decimal places. */
    private static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }
}
