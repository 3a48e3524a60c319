package cn.anxun.classes;

import java.time.LocalDate;

/**
 * Which enrolments to list, each filter optional; the caller's reach narrows them further.
 *
 * @param region a city or county: the learners' region
 * @param from with {@code to}, classes running on some day of the period
 * @param after the {@link ProgressList#next()} of the page before, {@code null} for the first page
 * @param limit at most this many rows, 1 to {@link #MAX_LIMIT}
 * @since 1.4
 */
public record ProgressQuery(String region, String institutionId, String programmeCode, String classId,
        LocalDate from, LocalDate to, String after, int limit) {

    public static final int MAX_LIMIT = 500;

    /**
     * The same query for the page after the one whose {@code next} is given.
     *
     * @since 1.5
     */
    public ProgressQuery after(String next) {
        return new ProgressQuery(region, institutionId, programmeCode, classId, from, to, next, limit);
    }
}
