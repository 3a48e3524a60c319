/** The implementation; its records live in the tables of {@code db/changelog.xml}. */
@SchemaChangelog(value = "db/changelog.xml", history = "EXAMS")
package cn.anxun.exams.internal;

import cn.anxun.platform.schema.SchemaChangelog;
