/** The plugins' decided state in the database, and the features of this node brought to it. */
@SchemaChangelog(value = "db/changelog.xml", history = "PLUGINS")
package cn.anxun.plugins.internal;

import cn.anxun.platform.schema.SchemaChangelog;
