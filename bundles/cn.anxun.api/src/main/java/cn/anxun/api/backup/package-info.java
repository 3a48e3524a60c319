/**
 * The backup contract: a bundle that keeps files beside the database, which the database refers to, offers
 * their folder as {@link cn.anxun.api.backup.BackedUpFiles}, and every backup copies it after the database.
 */
@Version("1.0.0")
package cn.anxun.api.backup;

import org.osgi.annotation.versioning.Version;
