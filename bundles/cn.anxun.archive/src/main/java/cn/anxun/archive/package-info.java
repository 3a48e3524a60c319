/**
 * The learner archive: each learner's archive (一人一档, R-24) and each class's training file, put together from
 * the records every bundle contributes; and study-hour certificates, issued once a learner has completed a
 * class, printed as PDF and verified by anyone through their number. Archives are kept for the retention of the
 * learner's category, and no longer unless a regulator holds them.
 */
@Version("1.3.0")
package cn.anxun.archive;

import org.osgi.annotation.versioning.Version;
