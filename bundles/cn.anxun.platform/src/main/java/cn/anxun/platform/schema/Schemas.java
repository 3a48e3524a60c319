package cn.anxun.platform.schema;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The schema of every bundle that keeps records, as the last migration left it. */
@ProviderType
public interface Schemas {

    /** Manifest header: the changelog's path in the bundle, and {@code history=} the history table's prefix. */
    String HEADER = "Anxun-Schema";

    /** Name of the {@code osgi.extender} capability a bundle with a changelog requires. */
    String EXTENDER = "cn.anxun.schema";

    /** Service property of the DataSource registered for a bundle whose tables are current: its symbolic name. */
    String SCHEMA_PROPERTY = "anxun.schema";

    /**
     * Changelog parameter: the start of a query that counts the tables of the current schema with a name, to be
     * completed with the name in capitals and quotes, e.g. {@code <sqlCheck expectedResult="0">${tablesNamed}
     * 'FACE_CHECK'</sqlCheck>}; the same on Derby and PostgreSQL.
     */
    String TABLES_NAMED = "tablesNamed";

    /** Every started bundle with a changelog, by bundle id. */
    List<BundleSchema> all();
}
