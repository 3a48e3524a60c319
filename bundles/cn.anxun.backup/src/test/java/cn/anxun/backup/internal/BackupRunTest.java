package cn.anxun.backup.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import cn.anxun.api.backup.BackedUpFiles;
import cn.anxun.backup.Backup;
import cn.anxun.ledger.Ledger;
import cn.anxun.ledger.SignedCheckpoint;

public class BackupRunTest {

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-06T02:30:00Z"), ZoneOffset.UTC);

    @Test
    public void aBackupHoldsTheDatabaseTheFilesAndTheirSumsAndItsKeysApart() throws Exception {
        Path root = temporary.getRoot().toPath();
        Path media = Files.createDirectories(root.resolve("media/sha256/ab"));
        Files.writeString(media.resolve("abcd"), "video");
        Path keys = Files.createDirectories(root.resolve("data/keys"));
        Files.writeString(keys.resolve("ledger-signing.key"), "secret");
        BackupFolders folders = new BackupFolders(root.resolve("backups"), root.resolve("backup-keys"));

        Backup backup = run(folders, root, keys, "20261206T023000.000Z", new SignedCheckpoint(7, "00ff", clock.instant(),
                "note"));

        Path folder = folders.of("20261206T023000.000Z");
        assertEquals(Backup.State.COMPLETE, backup.state());
        assertEquals("derby", backup.database());
        assertEquals(new Backup.Checkpoint(7, "00ff"), backup.checkpoint());
        assertEquals(1, backup.files());
        assertEquals(5, backup.databaseBytes());
        assertEquals("video", Files.readString(folder.resolve("files/media/ab/abcd")));
        assertFalse("the keys are not in the backup", Files.readString(folder.resolve(Sums.FILE)).contains("key"));
        List<String> sums = Files.readAllLines(folder.resolve(Sums.FILE));
        assertEquals(List.of("backup.json", "database/anxun/seg0", "files/media/ab/abcd"), sums.stream()
                .map(line -> line.substring(66)).toList());
        assertEquals(sha256("video"), sums.get(2).substring(0, 64));
        Path keyCopy = folders.keysOf("20261206T023000.000Z").resolve("ledger-signing.key");
        assertEquals("secret", Files.readString(keyCopy));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyCopy)));
        assertEquals(List.of(backup), folders.complete());
    }

    @Test
    public void theNextBackupLinksTheFilesItHoldsAlready() throws Exception {
        Path root = temporary.getRoot().toPath();
        Path media = Files.createDirectories(root.resolve("media/sha256/ab"));
        Files.writeString(media.resolve("abcd"), "video");
        Path keys = Files.createDirectories(root.resolve("data/keys"));
        BackupFolders folders = new BackupFolders(root.resolve("backups"), root.resolve("backup-keys"));
        run(folders, root, keys, "20261205T023000.000Z", null);
        Files.writeString(media.resolve("abef"), "another");

        Backup next = run(folders, root, keys, "20261206T023000.000Z", null);

        assertEquals(2, next.files());
        assertEquals(1, next.linkedFiles());
        assertNull(next.checkpoint());
        Path linked = folders.of("20261206T023000.000Z").resolve("files/media/ab/abcd");
        assertTrue(Files.isSameFile(linked, folders.of("20261205T023000.000Z").resolve("files/media/ab/abcd")));
        assertEquals(List.of("20261206T023000.000Z", "20261205T023000.000Z"), folders.complete().stream().map(Backup::id)
                .toList());
    }

    @Test
    public void aFailedCopyLeavesOnlyAPartialFolderThatIsRemoved() throws Exception {
        Path root = temporary.getRoot().toPath();
        BackupFolders folders = new BackupFolders(root.resolve("backups"), root.resolve("backup-keys"));
        DatabaseCopy failing = derby(folder -> {
            throw new IOException("disk full");
        });
        BackupRun run = new BackupRun(folders, failing, List.of(), root.resolve("keys"), ledger(null), clock);
        assertThrows(IOException.class, () -> run.run("20261206T023000.000Z", clock.instant()));
        assertTrue(Files.exists(folders.partial("20261206T023000.000Z")));
        assertEquals(List.of(), folders.complete());
        folders.removePartials();
        assertFalse(Files.exists(folders.partial("20261206T023000.000Z")));
    }

    @Test
    public void keysInsideTheBackupsFolderAreRefused() {
        Path root = temporary.getRoot().toPath();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new BackupFolders(
                root.resolve("backups"), root.resolve("backups/keys")));
        assertTrue(refused.getMessage(), refused.getMessage().contains("kept apart"));
        assertThrows(IllegalArgumentException.class, () -> new BackupFolders(root.resolve("backups"), root));
    }

    private Backup run(BackupFolders folders, Path root, Path keys, String id, SignedCheckpoint checkpoint)
            throws Exception {
        DatabaseCopy database = derby(folder -> Files.writeString(Files.createDirectories(folder.resolve("anxun"))
                .resolve("seg0"), "table"));
        BackedUpFiles media = new BackedUpFiles() {
            @Override
            public String name() {
                return "media";
            }

            @Override
            public Path folder() {
                return root.resolve("media/sha256");
            }
        };
        return new BackupRun(folders, database, List.of(media), keys, ledger(checkpoint), clock).run(id,
                clock.instant());
    }

    private interface Copy {
        void into(Path folder) throws IOException;
    }

    /** A Derby database whose copy is the given action. */
    private static DatabaseCopy derby(Copy copy) {
        return new DatabaseCopy() {
            @Override
            public String kind() {
                return "derby";
            }

            @Override
            public void copyInto(Path folder) throws IOException {
                copy.into(folder);
            }
        };
    }

    /** A ledger that answers the checkpoint and nothing else. */
    private static Ledger ledger(SignedCheckpoint checkpoint) {
        return (Ledger) Proxy.newProxyInstance(Ledger.class.getClassLoader(), new Class<?>[] {Ledger.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("checkpointHoldingAll")) {
                        return checkpoint;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(
                StandardCharsets.UTF_8)));
    }
}
