/**
 * The contract of suspicious patterns: each bundle that keeps records where study by proxy or idling shows
 * offers a {@link cn.anxun.api.supervision.PatternDetector}. Supervision runs them every day and on demand, keeps
 * what they find as flags for the regulators of each learner's or institution's region, and decides who reads them.
 */
@Version("1.1.0")
package cn.anxun.api.supervision;

import org.osgi.annotation.versioning.Version;
