/**
 * Tables owned by bundles, migrated by the platform before the bundle may use them.
 * <p>
 * A bundle that keeps records names its Liquibase changelog in the manifest header
 * {@value cn.anxun.platform.schema.Schemas#HEADER}, with the name of its history table, and requires the extender
 * capability {@code osgi.extender=}{@value cn.anxun.platform.schema.Schemas#EXTENDER}:
 * <pre>
 * Anxun-Schema: db/changelog.xml;history=IDENTITY
 * </pre>
 * When the bundle starts, the platform brings the database up to the changelog and then registers the platform's
 * {@code DataSource} again with the property {@value cn.anxun.platform.schema.Schemas#SCHEMA_PROPERTY} set to the
 * bundle's symbolic name; the bundle's persistence unit names that service, so it cannot open before its tables are
 * current. A database that holds changes the bundle does not know (it was written by a newer version) is left
 * untouched, and the bundle's unit stays closed.
 */
@Version("1.0.0")
package cn.anxun.platform.schema;

import org.osgi.annotation.versioning.Version;
