/** The implementation; its records live in the tables of {@code db/changelog.xml}. */
@SchemaChangelog(value = "db/changelog.xml", history = "COURSES")
package cn.anxun.courses.internal;

import cn.anxun.platform.schema.SchemaChangelog;
