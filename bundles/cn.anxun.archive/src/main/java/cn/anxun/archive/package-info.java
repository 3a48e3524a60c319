/**
 * The learner archive. So far: study-hour certificates, issued once a learner has completed a class, printed
 * as PDF and verified by anyone through their number.
 */
@Version("1.0.0")
package cn.anxun.archive;

import org.osgi.annotation.versioning.Version;
