package cn.anxun.itests;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ops4j.pax.exam.Option;

/**
 * The database a run of the suite uses: the distribution's embedded Derby, or PostgreSQL with
 * {@code -Danxun.it.database=postgresql} (the build's second run). The choice reaches the container as a system
 * property of the same name.
 */
final class TestDatabase {

    static final String KIND = "anxun.it.database";
    static final String DATASOURCE = "etc/org.ops4j.datasource-anxun.cfg";
    /** Inside the container: the folder of the database's files on disk. */
    private static final String FILES = "anxun.it.databaseFiles";
    /** Inside the container: PostgreSQL's port and programs, for a test that stops the server and starts it again. */
    private static final String PORT = "anxun.it.postgresqlPort";
    private static final String PROGRAMS = "anxun.postgresql.bin";

    private TestDatabase() {
    }

    static boolean postgresql() {
        return "postgresql".equals(System.getProperty(KIND));
    }

    /** The settings of {@link #DATASOURCE} for a new platform: a new database of its own, or none for Derby. */
    static Map<String, String> newDataSource() {
        if (!postgresql()) {
            return Map.of();
        }
        return Map.of("osgi.jdbc.driver.name", "PostgreSQL JDBC Driver", "url", PostgresServer.newDatabase(),
                "user", PostgresServer.USER);
    }

    /** The options that point a Pax Exam container at this run's database. */
    static List<Option> options() {
        List<Option> options = new ArrayList<>();
        newDataSource().forEach((key, value) -> options.add(editConfigurationFilePut(DATASOURCE, key, value)));
        options.add(editConfigurationFilePut("etc/system.properties", KIND, postgresql() ? "postgresql" : "derby"));
        if (postgresql()) {
            options.add(editConfigurationFilePut("etc/system.properties", FILES,
                    PostgresServer.dataFolder().toString()));
            options.add(editConfigurationFilePut("etc/system.properties", PORT, String.valueOf(PostgresServer.port())));
            options.add(editConfigurationFilePut("etc/system.properties", PROGRAMS, System.getProperty(PROGRAMS)));
            options.add(editConfigurationFilePut("etc/cn.anxun.backup.cfg", "postgresqlPrograms",
                    System.getProperty(PROGRAMS)));
        }
        return options;
    }

    /** Inside the container: the bundle whose DataSourceFactory makes the platform's connections. */
    static String driverBundle() {
        return postgresql() ? "org.postgresql.jdbc" : "org.ops4j.pax.jdbc.derby";
    }

    /** Inside the container: stops the PostgreSQL server, runs the action, and starts the server again. */
    static void whileStopped(Runnable action) {
        PostgresServer.halt(files());
        try {
            action.run();
        } finally {
            PostgresServer.resume(files(), Integer.getInteger(PORT));
        }
    }

    /** Inside the container: the folder of the database's files (data and transaction log). */
    static Path files() {
        String files = System.getProperty(FILES);
        return files != null ? Path.of(files) : Path.of(System.getProperty("karaf.data"), "derby");
    }
}
