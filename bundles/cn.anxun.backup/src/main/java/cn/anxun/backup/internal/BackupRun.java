package cn.anxun.backup.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import cn.anxun.api.backup.BackedUpFiles;
import cn.anxun.backup.Backup;
import cn.anxun.ledger.Ledger;
import cn.anxun.ledger.SignedCheckpoint;

/**
 * One backup, in the order that keeps it whole: a ledger checkpoint, then the database, then the files the
 * database refers to (written before it, so all are there), then the keys; the manifest and the sums last, and
 * the folder renamed from partial to complete.
 */
final class BackupRun {

    private final BackupFolders folders;
    private final DatabaseCopy database;
    private final List<BackedUpFiles> files;
    private final Path keys;
    private final Ledger ledger;
    private final Clock clock;
    private long fileCount;
    private long linked;
    private long fileBytes;

    BackupRun(BackupFolders folders, DatabaseCopy database, List<BackedUpFiles> files, Path keys, Ledger ledger,
            Clock clock) {
        this.folders = folders;
        this.database = database;
        this.files = files;
        this.keys = keys;
        this.ledger = ledger;
        this.clock = clock;
    }

    Backup run(String id, Instant started) throws Exception {
        List<Backup> earlier = folders.complete();
        Path into = Files.createDirectories(folders.partial(id));
        SignedCheckpoint checkpoint = ledger.checkpointHoldingAll();
        Path databaseFolder = Files.createDirectories(into.resolve("database"));
        database.copyInto(databaseFolder);
        Sums sums = new Sums();
        long databaseBytes = noteAll(into, databaseFolder, sums);
        Path previous = earlier.isEmpty() ? null : folders.of(earlier.get(0).id());
        Sums previousSums = previous == null ? new Sums() : Sums.of(previous);
        for (BackedUpFiles owner : files) {
            copyFiles(owner, into, previous, previousSums, sums);
        }
        copyKeys(id);
        Backup backup = new Backup(id, Backup.State.COMPLETE, started, clock.instant(), database.kind(),
                databaseBytes, checkpoint == null ? null : new Backup.Checkpoint(checkpoint.treeSize(),
                        checkpoint.rootHash()), fileCount, linked, fileBytes, folders.of(id).toString(),
                folders.keysOf(id).toString(), null);
        folders.writeManifest(into, backup);
        sums.read(into.resolve(BackupFolders.MANIFEST), BackupFolders.MANIFEST);
        sums.write(into);
        Files.move(into, folders.of(id), StandardCopyOption.ATOMIC_MOVE);
        return backup;
    }

    /** Copies a folder's files, linking each one the previous backup holds already to its copy there. */
    private void copyFiles(BackedUpFiles owner, Path into, Path previous, Sums previousSums, Sums sums)
            throws IOException, InterruptedException {
        Path from = owner.folder();
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("stopped while copying " + owner.name());
                }
                String path = "files/" + owner.name() + "/" + relative(from, file);
                Path to = into.resolve(path);
                Files.createDirectories(to.getParent());
                Path earlier = previous == null ? null : previous.resolve(path);
                String earlierSum = previousSums.of(path);
                long size = Files.size(file);
                if (earlierSum != null && Files.isRegularFile(earlier) && Files.size(earlier) == size
                        && linked(to, earlier)) {
                    sums.put(path, earlierSum);
                    linked++;
                } else {
                    sums.copy(file, to, path);
                }
                fileCount++;
                fileBytes += size;
            }
        }
    }

    /** The keys, to their own folder: whoever holds the backups alone cannot read the sealed data in them. */
    private void copyKeys(String id) throws IOException {
        Path into = Files.createDirectories(folders.keysPartial(id));
        Sums sums = new Sums();
        if (Files.isDirectory(keys)) {
            try (Stream<Path> walk = Files.walk(keys)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    String path = relative(keys, file);
                    Path to = into.resolve(path);
                    Files.createDirectories(to.getParent());
                    sums.copy(file, to, path);
                    ownerOnly(to, "rw-------");
                }
            }
        }
        sums.write(into);
        ownerOnly(into, "rwx------");
        Files.move(into, folders.keysOf(id), StandardCopyOption.ATOMIC_MOVE);
    }

    private static long noteAll(Path root, Path folder, Sums sums) throws IOException {
        long bytes = 0;
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                sums.read(file, relative(root, file));
                bytes += Files.size(file);
            }
        }
        return bytes;
    }

    private static boolean linked(Path link, Path existing) {
        try {
            Files.createLink(link, existing);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            // another file system, or none with links: the file is copied instead
            return false;
        }
    }

    private static void ownerOnly(Path path, String permissions) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system: its own permissions apply
        }
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
