/**
 * Support: tickets of learners, institutions and regulators answered by the operator's support staff within
 * two hours around the clock and resolved within three working days, on the working-day calendar the operator keeps.
 */
@Version("2.0.0")
package cn.anxun.support;

import org.osgi.annotation.versioning.Version;
