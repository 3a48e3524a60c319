/** The implementation; its records live in the tables of {@code db/changelog.xml}. */
@SchemaChangelog(value = "db/changelog.xml", history = "INSTITUTIONS")
package cn.anxun.institutions.internal;

import cn.anxun.platform.schema.SchemaChangelog;
