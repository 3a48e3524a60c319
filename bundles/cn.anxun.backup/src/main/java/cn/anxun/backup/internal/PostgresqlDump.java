package cn.anxun.backup.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code pg_dump} in its custom format: a snapshot of the database as of the dump's start, taken while
 * transactions go on, which {@code pg_restore} reads. It connects as the platform does, with the user and password
 * of the platform's data source.
 */
final class PostgresqlDump implements DatabaseCopy {

    static final String FILE = "anxun.dump";

    private final Path program;
    private final String database;
    private final String user;
    private final String password;

    /**
     * @param programs folder of PostgreSQL's programs; {@code null}: on the PATH
     * @param jdbcUrl the platform's {@code jdbc:postgresql://host:port/name}; its parameters are not libpq's and
     *        are left out
     */
    PostgresqlDump(Path programs, String jdbcUrl, String user, String password) {
        this.program = programs == null ? Path.of("pg_dump") : programs.resolve("pg_dump");
        String url = jdbcUrl.substring("jdbc:".length());
        int parameters = url.indexOf('?');
        this.database = parameters < 0 ? url : url.substring(0, parameters);
        this.user = user;
        this.password = password;
    }

    @Override
    public String kind() {
        return "postgresql";
    }

    @Override
    public void copyInto(Path folder) throws IOException, InterruptedException {
        Path errors = folder.resolve("pg_dump.log");
        ProcessBuilder builder = new ProcessBuilder(List.of(program.toString(), "--format=custom",
                "--file=" + folder.resolve(FILE), "--dbname=" + database)).redirectErrorStream(true)
                .redirectOutput(errors.toFile());
        builder.environment().put("PGUSER", user);
        if (password != null) {
            builder.environment().put("PGPASSWORD", password);
        }
        Process dump = builder.start();
        try {
            dump.waitFor();
        } finally {
            dump.destroyForcibly();
        }
        String said = Files.readString(errors, StandardCharsets.UTF_8).strip();
        Files.delete(errors);
        if (dump.exitValue() != 0) {
            throw new IOException("pg_dump ended with " + dump.exitValue() + ": " + said);
        }
    }
}
