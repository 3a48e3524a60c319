package cn.anxun.itests;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.nio.file.Path;
import java.util.List;

import org.ops4j.pax.exam.Option;

/**
 * The database a run of the suite uses: the distribution's embedded Derby, or PostgreSQL with
 * {@code -Danxun.it.database=postgresql} (the build's second run). The choice reaches the container as a system
 * property of the same name.
 */
final class TestDatabase {

    static final String KIND = "anxun.it.database";
    /** Inside the container: the folder of the database's files on disk. */
    private static final String FILES = "anxun.it.databaseFiles";
    private static final String DATASOURCE = "etc/org.ops4j.datasource-anxun.cfg";

    private TestDatabase() {
    }

    static boolean postgresql() {
        return "postgresql".equals(System.getProperty(KIND));
    }

    /** The options that point a container at this run's database: a database of its own on PostgreSQL. */
    static List<Option> options() {
        if (!postgresql()) {
            return List.of(editConfigurationFilePut("etc/system.properties", KIND, "derby"));
        }
        return List.of(
                editConfigurationFilePut(DATASOURCE, "osgi.jdbc.driver.name", "PostgreSQL JDBC Driver"),
                editConfigurationFilePut(DATASOURCE, "url", PostgresServer.newDatabase()),
                editConfigurationFilePut(DATASOURCE, "user", PostgresServer.USER),
                editConfigurationFilePut("etc/system.properties", KIND, "postgresql"),
                editConfigurationFilePut("etc/system.properties", FILES, PostgresServer.dataFolder().toString()));
    }

    /** Inside the container: the bundle whose DataSourceFactory makes the platform's connections. */
    static String driverBundle() {
        return postgresql() ? "org.postgresql.jdbc" : "org.ops4j.pax.jdbc.derby";
    }

    /** Inside the container: the folder of the database's files (data and transaction log). */
    static Path files() {
        String files = System.getProperty(FILES);
        return files != null ? Path.of(files) : Path.of(System.getProperty("karaf.data"), "derby");
    }
}
