/**
 * The one way the platform runs background work: a {@link cn.anxun.platform.jobs.Scheduler} with a bounded number
 * of workers, a time limit on every run, repeating jobs run on one node at a time, and a list of what runs for the
 * operator.
 */
@Version("1.1.0")
package cn.anxun.platform.jobs;

import org.osgi.annotation.versioning.Version;
