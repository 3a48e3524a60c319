/**
 * Supervision: what the regulators of a region see of its training, and nothing beyond it.
 */
@Version("1.0.0")
package cn.anxun.supervision;

import org.osgi.annotation.versioning.Version;
