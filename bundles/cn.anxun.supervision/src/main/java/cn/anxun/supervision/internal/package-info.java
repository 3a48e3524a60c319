/** The implementation; its records live in the tables of {@code db/changelog.xml}. */
@SchemaChangelog(value = "db/changelog.xml", history = "SUPERVISION")
package cn.anxun.supervision.internal;

import cn.anxun.platform.schema.SchemaChangelog;
