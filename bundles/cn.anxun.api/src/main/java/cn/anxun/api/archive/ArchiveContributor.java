package cn.anxun.api.archive;

import java.util.List;

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
}
