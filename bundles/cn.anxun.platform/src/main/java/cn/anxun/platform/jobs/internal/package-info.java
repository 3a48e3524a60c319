/** The scheduler; its leases and runs are the platform's own tables. */
@SchemaChangelog(value = "db/changelog.xml", history = "PLATFORM")
package cn.anxun.platform.jobs.internal;

import cn.anxun.platform.schema.SchemaChangelog;
