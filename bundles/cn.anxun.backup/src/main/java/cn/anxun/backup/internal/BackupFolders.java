package cn.anxun.backup.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import cn.anxun.backup.Backup;

/**
 * Where backups are: {@code <location>/<id>/} holds {@code database/}, {@code files/<name>/}, {@code backup.json}
 * and {@code SHA256SUMS}; {@code <keysLocation>/<id>/} holds the keys and their {@code SHA256SUMS}. A backup is
 * written as {@code <id>.partial} and renamed once complete, so a folder without the suffix is whole.
 */
final class BackupFolders {

    static final String MANIFEST = "backup.json";
    private static final String PARTIAL = ".partial";
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    final Path location;
    final Path keysLocation;

    /** @throws IllegalArgumentException when one folder is inside the other: the keys must be kept apart */
    BackupFolders(Path location, Path keysLocation) {
        this.location = location.toAbsolutePath().normalize();
        this.keysLocation = keysLocation.toAbsolutePath().normalize();
        if (this.location.startsWith(this.keysLocation) || this.keysLocation.startsWith(this.location)) {
            throw new IllegalArgumentException("the keys' copies (" + this.keysLocation + ") must be kept apart from "
                    + "the backups (" + this.location + "): set keysLocation in etc/cn.anxun.backup.cfg");
        }
    }

    static String id(Instant started) {
        return ID.format(started);
    }

    Path partial(String id) {
        return location.resolve(id + PARTIAL);
    }

    Path keysPartial(String id) {
        return keysLocation.resolve(id + PARTIAL);
    }

    Path of(String id) {
        return location.resolve(id);
    }

    Path keysOf(String id) {
        return keysLocation.resolve(id);
    }

    /** Complete backups, newest first. */
    List<Backup> complete() {
        if (!Files.isDirectory(location)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(location)) {
            return folders.filter(folder -> Files.isRegularFile(folder.resolve(MANIFEST)) && !folder.getFileName()
                    .toString().endsWith(PARTIAL)).map(BackupFolders::manifest)
                    .sorted(Comparator.comparing(Backup::id).reversed()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("the backups in " + location + " cannot be listed", e);
        }
    }

    void writeManifest(Path folder, Backup backup) throws IOException {
        JSON.writeValue(folder.resolve(MANIFEST).toFile(), backup);
    }

    /** Removes what a run left unfinished: folders still named partial, of the backups and of the keys. */
    void removePartials() throws IOException {
        for (Path parent : List.of(location, keysLocation)) {
            if (Files.isDirectory(parent)) {
                try (Stream<Path> folders = Files.list(parent)) {
                    for (Path folder : folders.filter(f -> f.getFileName().toString().endsWith(PARTIAL)).toList()) {
                        delete(folder);
                    }
                }
            }
        }
    }

    void remove(String id) throws IOException {
        delete(of(id));
        delete(keysOf(id));
    }

    static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static Backup manifest(Path folder) {
        try {
            return JSON.readValue(folder.resolve(MANIFEST).toFile(), Backup.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the backup " + folder + " has an unreadable " + MANIFEST, e);
        }
    }
}
