/** The implementation; its records live in the tables of {@code db/changelog.xml}. */
@SchemaChangelog(value = "db/changelog.xml", history = "FACE")
package cn.anxun.face.internal;

import cn.anxun.platform.schema.SchemaChangelog;
