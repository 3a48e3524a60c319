package cn.anxun.archive;

import java.time.Instant;
import java.util.List;

import cn.anxun.identity.Learner;

/**
 * A learner's archive (一人一档, R-24).
 *
 * @param learner the registration, ID number masked
 * @param readAt when the archive was put together
 * @param sections classes, ledger, face checks, tests, certificates, reads, and what other bundles contribute
 * @param retention how long the archive is kept (since 1.2)
 * @since 1.1
 */
public record LearnerArchive(Learner learner, Instant readAt, List<ArchiveSection> sections,
        ArchiveRetention retention) {

    public LearnerArchive {
        sections = List.copyOf(sections);
    }
}
