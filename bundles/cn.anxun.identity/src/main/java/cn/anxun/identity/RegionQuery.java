package cn.anxun.identity;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Which records of a region a supervision list shows, each filter optional; the caller's reach narrows them further.
 * A list ignores the filters its records do not carry.
 *
 * @param region a city or county: where the records lie
 * @param from with {@code to}, the period the list's dates fall in
 * @param after the {@link ListPage#next()} of the page before, {@code null} for the first page
 * @param limit at most this many rows, 1 to {@link #MAX_LIMIT}
 * @throws InvalidInputException naming {@code limit} out of its range, or {@code to} before {@code from}
 * @since 2.5
 */
public record RegionQuery(String region, String institutionId, String programmeCode, String classId,
        LocalDate from, LocalDate to, String after, int limit) {

    public static final int MAX_LIMIT = 500;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public RegionQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "range", "is 1 to " + MAX_LIMIT);
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInputException("to", "date-range", "is not before from");
        }
    }

    /** The first millisecond of {@code from} in China, {@code null} without it: for lists dated by an instant. */
    public Long fromMillis() {
        return from == null ? null : from.atStartOfDay(CHINA).toInstant().toEpochMilli();
    }

    /** The last millisecond of {@code to} in China, {@code null} without it. */
    public Long toMillis() {
        return to == null ? null : to.plusDays(1).atStartOfDay(CHINA).toInstant().toEpochMilli() - 1;
    }

    /** The same query for the page after the one whose {@code next} is given. */
    public RegionQuery after(String next) {
        return new RegionQuery(region, institutionId, programmeCode, classId, from, to, next, limit);
    }
}
