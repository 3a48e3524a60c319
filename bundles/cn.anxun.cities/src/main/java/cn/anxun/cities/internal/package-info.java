/** The implementation; its records live in the tables of {@code db/changelog.xml}. */
@SchemaChangelog(value = "db/changelog.xml", history = "CITIES")
package cn.anxun.cities.internal;

import cn.anxun.platform.schema.SchemaChangelog;
