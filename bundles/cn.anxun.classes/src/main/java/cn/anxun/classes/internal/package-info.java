/** The implementation; its records live in the tables of {@code db/changelog.xml}. */
@SchemaChangelog(value = "db/changelog.xml", history = "CLASSES")
package cn.anxun.classes.internal;

import cn.anxun.platform.schema.SchemaChangelog;
