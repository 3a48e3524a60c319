package cn.anxun.archive;

import java.time.Instant;
import java.util.List;

/**
 * How long a learner's archive is kept: the retention of their personnel category after their latest record
 * (registration included, reads of the archive not).
 *
 * @param years the retention of the learner's category
 * @param keptUntil when the archive may be expired, unless a legal hold stands
 * @param holds standing and lifted legal holds, oldest first
 * @param expiredAt when it was expired: the learner is then anonymised
 * @since 1.2
 */
public record ArchiveRetention(int years, Instant latestRecord, Instant keptUntil, List<LegalHold> holds,
        Instant expiredAt) {

    public ArchiveRetention {
        holds = List.copyOf(holds);
    }

    public boolean held() {
        return holds.stream().anyMatch(LegalHold::standing);
    }
}
