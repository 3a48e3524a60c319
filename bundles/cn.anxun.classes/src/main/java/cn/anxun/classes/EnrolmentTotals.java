package cn.anxun.classes;

/**
 * The enrolments of one part of a region.
 *
 * @param key the city, county or institution, by the breakdown asked for
 * @param completed enrolments whose credited time reached the class's online hours
 * @param tested enrolments with a graded attempt at the class's test; {@code passed} those with a pass
 * @param creditedThisWeek seconds credited since Monday, China time; {@code creditedThisMonth} since the 1st
 * @since 1.4
 */
public record EnrolmentTotals(String key, long enrolled, long completed, long tested, long passed, long certified,
        long creditedThisWeek, long creditedThisMonth) {
}
