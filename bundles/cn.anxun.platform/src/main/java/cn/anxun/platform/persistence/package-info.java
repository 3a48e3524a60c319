/**
 * How every persistence unit talks to the database: what a failed call means (a conflict with a concurrent write, or
 * a database that cannot answer), the session defaults, and reading by lists of keys.
 */
@Version("1.1.0")
package cn.anxun.platform.persistence;

import org.osgi.annotation.versioning.Version;
