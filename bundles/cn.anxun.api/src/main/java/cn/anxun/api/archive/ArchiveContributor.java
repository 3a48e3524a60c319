package cn.anxun.api.archive;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One kind of record in learners' archives and classes' training files. A contributor answers for any learner or
 * class it is asked about: who may read an archive is the archive's decision, made before it asks.
 */
@ConsumerType
public interface ArchiveContributor {

    /**
     * The audit action under which each read of an archive is recorded, with the target {@code learner:<id>} or
     * {@code class:<id>}: the audit log contributes them as who read the archive when.
     */
    String READ_ACTION = "archive.read";

    /** The kind of record, a section of the archive, e.g. {@code ledger}; stable, lower case. */
    String kind();

    /** The section's title in Chinese, e.g. 学时记录. */
    String title();

    /** The learner's records of this kind, oldest first. */
    List<ArchiveRecord> ofLearner(String learnerId);

    /** The class's records of this kind, oldest first; none for a kind that classes do not have. */
    default List<ArchiveRecord> ofClass(String classId) {
        return List.of();
    }

    /**
     * Whether a record of this kind keeps the learner's archive: it is kept for the retention of the learner's
     * category after its latest record. Reads of the archive, for one, do not.
     *
     * @since 1.1
     */
    default boolean keepsArchive() {
        return true;
    }

    /**
     * When the learner's latest record of this kind was made, or {@code null} if they have none; a contributor with a
     * cheaper answer than reading every record overrides this.
     *
     * @since 1.1
     */
    default Instant latestOf(String learnerId) {
        return latest(ofLearner(learnerId));
    }

    /** The time of the latest of these records, or {@code null} if none has one. */
    static Instant latest(List<ArchiveRecord> records) {
        return records.stream().map(ArchiveRecord::at).filter(Objects::nonNull).max(Comparator.naturalOrder())
                .orElse(null);
    }

    /**
     * The learner's archive has outlived its retention: remove or anonymise whatever of this kind would tell who
     * they were, and keep what statistics count. Called again after a failure, so it must be repeatable. A kind
     * that holds nothing personal beyond the learner's id keeps its records: the learner's name and ID number are
     * erased where they are kept.
     *
     * @since 1.1
     */
    default void expire(String learnerId) {
    }
}
