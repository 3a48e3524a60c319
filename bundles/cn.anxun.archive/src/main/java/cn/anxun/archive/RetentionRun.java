package cn.anxun.archive;

import java.time.Instant;

/**
 * What one run of the retention did.
 *
 * @param checked archives old enough to be looked at
 * @param kept of those, the ones whose retention has not ended
 * @param held the ones past their retention that a legal hold keeps
 * @param expired the ones expired now
 * @param failed the ones a contributor could not expire; the next run tries them again
 * @since 1.2
 */
public record RetentionRun(Instant startedAt, Instant endedAt, int checked, int kept, int held, int expired,
        int failed) {
}
