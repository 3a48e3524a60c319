/** The implementation; its records live in the tables of {@code db/changelog.xml}. */
@SchemaChangelog(value = "db/changelog.xml", history = "IDENTITY")
package cn.anxun.identity.internal;

import cn.anxun.platform.schema.SchemaChangelog;
