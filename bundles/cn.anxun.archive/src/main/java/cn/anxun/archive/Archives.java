package cn.anxun.archive;

import org.osgi.annotation.versioning.ProviderType;

import cn.anxun.identity.Caller;

/**
 * Learners' archives and classes' training files, put together at each read from every installed contributor
 * ({@link cn.anxun.api.archive.ArchiveContributor}). Every read is audited, and the audit shows in the archive.
 *
 * @since 1.1
 */
@ProviderType
public interface Archives {

    /** The learner's archive; for the learner, their institution, the regulators of their region and the operator. */
    LearnerArchive ofLearner(Caller caller, String learnerId);

    /** The class's training file; for the institution's staff, the regulators who may read the class, the operator. */
    ClassArchive ofClass(Caller caller, String classId);

    /** The learner's archive as a PDF in Chinese, for the same readers. Audited as a read. */
    byte[] printLearner(Caller caller, String learnerId);

    /** The class's training file as a PDF in Chinese, for the same readers. Audited as a read. */
    byte[] printClass(Caller caller, String classId);
}
