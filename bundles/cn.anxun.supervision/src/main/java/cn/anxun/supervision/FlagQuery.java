package cn.anxun.supervision;

/**
 * Which flags to list, newest first; every filter may be {@code null}.
 *
 * @param region a city or county code: flags lying there, a city's with its counties'
 * @param after the {@link FlagList#next()} of the page before
 * @param limit at most {@link FindingQuery#MAX_LIMIT}
 */
public record FlagQuery(String region, String institutionId, String kind, Flag.Status status, String after,
        int limit) {
}
