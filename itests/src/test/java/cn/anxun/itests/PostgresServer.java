package cn.anxun.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.runner.Result;
import org.junit.runner.notification.RunListener;

/**
 * The PostgreSQL server of the suite's run on PostgreSQL: started on the first call, in a temporary folder on a free
 * port, and stopped when the run ends ({@link Stopper}, which Failsafe calls; the JVM's exit as a fallback). Each test
 * class gets a database of its own. Its programs are in the folder the build found them in
 * ({@code anxun.postgresql.bin}); as root, they run as the {@code postgres} user, since PostgreSQL refuses to run as
 * root.
 */
final class PostgresServer {

    /** Stops the server when the last test has run: Failsafe may halt its JVM before exit hooks finish. */
    public static final class Stopper extends RunListener {

        @Override
        public void testRunFinished(Result result) {
            stop();
        }
    }

    static final String USER = "postgres";

    private static Path folder;
    private static int port;
    private static int databases;

    private PostgresServer() {
    }

    /** A new, empty database: its JDBC URL. */
    static synchronized String newDatabase() {
        if (folder == null) {
            start();
        }
        String name = "anxun_" + ++databases;
        run(program("createdb"), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", USER, name);
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
    }

    /** The server's data folder, for tests that look at what is stored on disk. */
    static synchronized Path dataFolder() {
        return folder.resolve("data");
    }

    private static void start() {
        try {
            folder = Files.createTempDirectory("anxun-postgresql");
            if (asRoot()) {
                UserPrincipal owner = folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(USER);
                Files.setOwner(folder, owner);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot make a folder for PostgreSQL", e);
        }
        port = Ports.free();
        run(program("initdb"), "-D", dataFolder().toString(), "-U", USER, "--auth=trust", "-E", "UTF8",
                "--locale=C.UTF-8");
        serve(dataFolder(), port);
        Runtime.getRuntime().addShutdownHook(new Thread(PostgresServer::stop, "postgresql-stop"));
    }

    /** The port of the running server. */
    static synchronized int port() {
        return port;
    }

    /** Inside the container: stops the server as an operator's fast shutdown would; connections are cut. */
    static void halt(Path data) {
        run(program("pg_ctl"), "-D", data.toString(), "-m", "fast", "-w", "stop");
    }

    /** Inside the container: starts the halted server again where it was. */
    static void resume(Path data, int port) {
        serve(data, port);
    }

    private static void serve(Path data, int port) {
        Path home = data.getParent();
        // durability is not what these tests check: no fsync, for speed
        run(program("pg_ctl"), "-D", data.toString(), "-l", home.resolve("server.log").toString(), "-w",
                "-o", "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1 -c fsync=off"
                        + " -c max_connections=200", "start");
    }

    private static synchronized void stop() {
        if (folder == null) {
            return;
        }
        run(program("pg_ctl"), "-D", dataFolder().toString(), "-m", "immediate", "-w", "stop");
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            System.err.println("PostgreSQL's folder " + folder + " is left behind: " + e);
        }
        folder = null;
    }

    private static String program(String name) {
        return Path.of(programs(), name).toString();
    }

    /** The folder of PostgreSQL's programs. */
    static String programs() {
        String bin = System.getProperty("anxun.postgresql.bin");
        if (bin == null) {
            throw new IllegalStateException("anxun.postgresql.bin does not name PostgreSQL's programs");
        }
        return bin;
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(String... command) {
        List<String> line = new ArrayList<>();
        if (asRoot()) {
            line.addAll(List.of("runuser", "-u", USER, "--"));
        }
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", line) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", line) + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(String.join(" ", line) + " interrupted", e);
        }
    }
}
