/** The implementation; its records live in the tables of {@code db/changelog.xml}. */
@SchemaChangelog(value = "db/changelog.xml", history = "LEDGER")
package cn.anxun.ledger.internal;

import cn.anxun.platform.schema.SchemaChangelog;
