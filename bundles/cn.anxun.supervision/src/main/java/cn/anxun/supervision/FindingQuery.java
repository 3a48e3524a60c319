package cn.anxun.supervision;

/**
 * Which findings to list, newest first; every filter may be {@code null}.
 *
 * @param region a city or county code: findings raised there, a city's with its counties'
 * @param overdue {@code true} for the open ones past their deadline only
 * @param after the {@link FindingList#next()} of the page before
 * @param limit at most {@link #MAX_LIMIT}
 */
public record FindingQuery(String region, String institutionId, Finding.Subject subject, String subjectId,
        Finding.Status status, boolean overdue, String after, int limit) {

    public static final int MAX_LIMIT = 500;
}
