package cn.anxun.platform.schema.internal;

import java.sql.Connection;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.changelog.RanChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

import cn.anxun.platform.schema.BundleSchema;
import cn.anxun.platform.schema.BundleSchema.Status;
import cn.anxun.platform.schema.Schemas;

/** One run of Liquibase over one bundle's changelog, read through that bundle's class loader. */
final class Migration {

    /** Liquibase's tableExists misses a Derby table with an underscore in its name: the catalogue is asked instead. */
    private static final String DERBY_TABLES_NAMED = "SELECT COUNT(*) FROM SYS.SYSTABLES T JOIN SYS.SYSSCHEMAS S"
            + " ON T.SCHEMAID = S.SCHEMAID WHERE S.SCHEMANAME = CURRENT SCHEMA AND T.TABLENAME =";
    private static final String POSTGRESQL_TABLES_NAMED = "SELECT COUNT(*) FROM information_schema.tables"
            + " WHERE table_schema = current_schema() AND UPPER(table_name) =";

    private Migration() {
    }

    static BundleSchema run(DataSource dataSource, ClassLoader loader, String bundle, Changelog changelog) {
        ClassLoaderResourceAccessor resources = new ClassLoaderResourceAccessor(loader);
        // the scope, not the Liquibase object, decides where included files are read and what the history is called
        Map<String, Object> scope = Map.of(
                "liquibase.databaseChangeLogTableName", changelog.historyTable(),
                "liquibase.databaseChangeLogLockTableName", changelog.lockTable(),
                // Liquibase otherwise fetches its analytics settings from the internet and prints to System.out
                "liquibase.analytics.enabled", Boolean.FALSE,
                Scope.Attr.resourceAccessor.name(), resources,
                Scope.Attr.classLoader.name(), loader,
                Scope.Attr.ui.name(), new LoggerUIService(),
                Scope.Attr.logService.name(), new QuietLiquibaseLog());
        try {
            return Scope.child(scope, () -> migrate(dataSource, resources, bundle, changelog));
        } catch (Exception e) {
            return new BundleSchema(bundle, Status.FAILED, -1, "migration of " + changelog.path() + " failed: " + causes(e));
        }
    }

    private static BundleSchema migrate(DataSource dataSource, ClassLoaderResourceAccessor resources, String bundle,
            Changelog changelog) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Liquibase liquibase = new Liquibase(changelog.path(), resources, database);
            liquibase.setChangeLogParameter(Schemas.TABLES_NAMED, database instanceof DerbyDatabase ? DERBY_TABLES_NAMED
                    : POSTGRESQL_TABLES_NAMED);
            Collection<RanChangeSet> unknown = liquibase.listUnexpectedChangeSets(new Contexts(), new LabelExpression());
            if (!unknown.isEmpty()) {
                return new BundleSchema(bundle, Status.NEWER, -1, "the database was written by a newer version: "
                        + changelog.historyTable() + " records changesets this bundle does not know ("
                        + unknown.stream().map(RanChangeSet::getId).collect(Collectors.joining(", ")) + ")");
            }
            liquibase.update(new Contexts(), new LabelExpression());
            return new BundleSchema(bundle, Status.CURRENT, database.getRanChangeSetList().size(), null);
        }
    }

    /** The messages down the cause chain: Liquibase wraps the database's own message several times. */
    private static String causes(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < 1000; t = t.getCause()) {
            if (t.getMessage() != null && text.indexOf(t.getMessage()) < 0) {
                text.append(text.length() == 0 ? "" : ": ").append(t.getMessage());
            }
        }
        return text.length() == 0 ? e.getClass().getName() : text.toString();
    }
}
