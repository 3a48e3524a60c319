/** What a failed database call means: a conflict with a concurrent write, or a database that cannot answer. */
@Version("1.0.0")
package cn.anxun.platform.persistence;

import org.osgi.annotation.versioning.Version;
