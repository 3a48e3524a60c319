package cn.anxun.supervision;

import java.time.Instant;
import java.util.Map;

/**
 * What one look at the records found.
 *
 * @param from the start of the period looked at, inclusive; {@code until} its end, exclusive
 * @param found for each kind of pattern, the suspicions found
 * @param added flags new from it; {@code updated} flags seen before and seen again
 */
public record FlagRun(Instant from, Instant until, Map<String, Integer> found, int added, int updated) {
}
