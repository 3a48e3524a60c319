package cn.anxun.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.KarafDistributionOption;

import com.fasterxml.jackson.databind.JsonNode;

/** The distribution archive unpacked into a folder of its own and run as an operator would, with bin/ scripts. */
final class Distribution implements AutoCloseable {

    private static final String ARCHIVE = "anxun.distribution";
    private static final String WORK = "anxun.work";

    final Path home;
    final int httpPort = Ports.free();
    final int sshPort = Ports.free();
    private Process karaf;

    Distribution(Path archive, Path work) throws IOException, InterruptedException {
        this(archive, work, TestDatabase.newDataSource());
    }

    /** @param dataSource settings of the platform's database; none for the embedded Derby of the distribution */
    Distribution(Path archive, Path work, Map<String, String> dataSource) throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path into = Files.createTempDirectory(work, "distribution-");
        run(List.of("tar", "xzf", archive.toString(), "-C", into.toString()), into);
        try (var entries = Files.list(into)) {
            home = entries.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        set("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(httpPort));
        set("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(sshPort));
        set("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(Ports.free()));
        set("etc/org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(Ports.free()));
        // an empty local Maven repository: everything must come from the distribution's system/ folder
        Path emptyRepository = Files.createDirectories(into.resolve("empty-maven-repository"));
        set("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", emptyRepository.toString());
        for (Map.Entry<String, String> setting : dataSource.entrySet()) {
            set(TestDatabase.DATASOURCE, setting.getKey(), setting.getValue());
        }
    }

    /** Hands the distribution's archive and the folder to run it in to the container, for a test that runs another. */
    static List<Option> locations() {
        return List.of(KarafDistributionOption.editConfigurationFilePut("etc/system.properties", ARCHIVE,
                System.getProperty(ARCHIVE)), KarafDistributionOption.editConfigurationFilePut(
                        "etc/system.properties", WORK, System.getProperty(WORK)));
    }

    /** Another platform, on embedded Derby, unpacked from the archive the container was made of. */
    static Distribution another() throws IOException, InterruptedException {
        return new Distribution(Path.of(System.getProperty(ARCHIVE)), Path.of(System.getProperty(WORK)), Map.of());
    }

    /** Starts bin/karaf server in the background of this test and answers when the JVM runs. */
    void start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bin/karaf", "server").directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("KARAF_EXEC", "exec");
        karaf = builder.start();
    }

    /** bin/stop, then waits for the JVM to end. */
    void stop() throws IOException, InterruptedException {
        run(List.of("bin/stop"), home);
        if (!karaf.waitFor(90, TimeUnit.SECONDS)) {
            throw new AssertionError("the platform did not stop within 90 s");
        }
    }

    long pid() {
        return karaf.pid();
    }

    /** Resident memory of the platform's JVM in MiB, from /proc. */
    long residentMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid());
    }

    /** Runs console commands through bin/client as the operator account, as an operator at a terminal would. */
    String console(String user, String password, String commands) throws IOException, InterruptedException {
        Path input = Files.writeString(Files.createTempFile(home, "commands", ".txt"), commands + "\n");
        ProcessBuilder builder = new ProcessBuilder("bin/client", "-a", String.valueOf(sshPort), "-u", user, "-p",
                password, "-r", "3", "-b").directory(home.toFile()).redirectErrorStream(true)
                .redirectInput(input.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process client = builder.start();
        String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        client.waitFor(60, TimeUnit.SECONDS);
        return output;
    }

    record Restore(int status, String output) {
    }

    /** Runs bin/anxun-restore with a backup as {@code GET /api/v1/backups/{id}} describes it. */
    Restore restore(JsonNode backup) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bin/anxun-restore", backup.get("folder").asText(),
                backup.get("keysFolder").asText()).directory(home.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        if (TestDatabase.postgresql()) {
            builder.environment().put("POSTGRESQL_PROGRAMS", PostgresServer.programs());
        }
        Process script = builder.start();
        String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!script.waitFor(30, TimeUnit.MINUTES)) {
            throw new AssertionError("bin/anxun-restore did not end within 30 minutes");
        }
        System.out.println(output);
        return new Restore(script.exitValue(), output);
    }

    Path deploy() {
        return home.resolve("deploy");
    }

    String read(String file) throws IOException {
        return Files.readString(home.resolve(file));
    }

    @Override
    public void close() {
        if (karaf != null && karaf.isAlive()) {
            karaf.descendants().forEach(ProcessHandle::destroyForcibly);
            karaf.destroyForcibly();
        }
    }

    /** Kills the platform's JVM as a power cut would: SIGKILL, no shutdown hook, nothing flushed on the way out. */
    void kill() throws InterruptedException {
        karaf.destroyForcibly();
        if (!karaf.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the platform's JVM outlived SIGKILL for 30 s");
        }
    }

    /** Adds a feature to those the platform installs at its first start. */
    void bootFeature(String feature) throws IOException {
        Path path = home.resolve("etc/org.apache.karaf.features.cfg");
        Files.writeString(path, Files.readString(path).replace("featuresBoot = \\\n", "featuresBoot = \\\n    "
                + feature + ", \\\n"));
    }

    /** Sets a key of a configuration file under etc/ before the platform starts. */
    void set(String file, String key, String value) throws IOException {
        Path path = home.resolve(file);
        String text = Files.readString(path);
        Matcher line = Pattern.compile("(?m)^[ \\t]*" + Pattern.quote(key) + "[ \\t]*=.*$").matcher(text);
        String entry = key + " = " + value;
        text = line.find() ? line.replaceFirst(Matcher.quoteReplacement(entry)) : text + "\n" + entry + "\n";
        Files.writeString(path, text);
    }

    private static void run(List<String> command, Path directory) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).inheritIO();
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(command + " failed");
        }
    }
}
