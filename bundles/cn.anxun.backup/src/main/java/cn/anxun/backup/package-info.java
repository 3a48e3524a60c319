/**
 * Backups: an online copy of the database and of the files stored beside it, with the platform's keys copied
 * to a place of their own, taken on a schedule and on demand, the oldest removed past a count. {@code bin/anxun-restore}
 * puts one back into an empty platform.
 */
@Version("1.0.0")
package cn.anxun.backup;

import org.osgi.annotation.versioning.Version;
