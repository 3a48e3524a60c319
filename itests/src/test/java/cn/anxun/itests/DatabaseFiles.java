package cn.anxun.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

import javax.sql.DataSource;

/** The database as bytes on disk, to show what is, and is not, stored in clear. */
final class DatabaseFiles {

    private DatabaseFiles() {
    }

    /**
     * Every file of the database folder (data and transaction log), end to end, once a checkpoint has written every
     * committed row whole into its table's file: in the log, a row that straddles two of its pages is cut by a page
     * header.
     */
    static byte[] read(DataSource database) throws IOException, SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(TestDatabase.postgresql() ? "CHECKPOINT" : "CALL SYSCS_UTIL.SYSCS_CHECKPOINT_DATABASE()");
        }
        Path folder = TestDatabase.files();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                all.write(Files.readAllBytes(file));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return all.toByteArray();
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
