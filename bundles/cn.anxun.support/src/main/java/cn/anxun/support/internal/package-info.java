/** The implementation; its records live in the tables of {@code db/changelog.xml}. */
@SchemaChangelog(value = "db/changelog.xml", history = "SUPPORT")
package cn.anxun.support.internal;

import cn.anxun.platform.schema.SchemaChangelog;
