/** The implementation; its records live in the tables of {@code db/changelog.xml}. */
@SchemaChangelog(value = "db/changelog.xml", history = "ARCHIVE")
package cn.anxun.archive.internal;

import cn.anxun.platform.schema.SchemaChangelog;
