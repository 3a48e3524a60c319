/**
 * The archive contract: each bundle that keeps records of learners or classes contributes them to the
 * learner's archive (一人一档) and the class's training file through an {@link cn.anxun.api.archive.ArchiveContributor}.
 * The archive decides who may read an archive, audits the read and puts the parts together; a bundle added later adds
 * its records without changing it. When an archive outlives its retention, each contributor removes or anonymises its
 * part.
 */
@Version("1.1.0")
package cn.anxun.api.archive;

import org.osgi.annotation.versioning.Version;
