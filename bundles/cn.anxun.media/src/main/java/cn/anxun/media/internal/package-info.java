/** The implementation; its records live in the tables of {@code db/changelog.xml}. */
@SchemaChangelog(value = "db/changelog.xml", history = "MEDIA")
package cn.anxun.media.internal;

import cn.anxun.platform.schema.SchemaChangelog;
