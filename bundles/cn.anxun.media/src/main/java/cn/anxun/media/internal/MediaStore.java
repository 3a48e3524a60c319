package cn.anxun.media.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The files: unfinished uploads in {@code uploads/<id>.part}, stored media once each in
 * {@code sha256/<first two hex digits>/<sha256>}. The length of a part file is what an upload has received, so a
 * restart loses nothing that was acknowledged.
 */
final class MediaStore {

    /** Why a chunk was not stored; the part file is as it was before. */
    static final class ChunkRefused extends Exception {

        private static final long serialVersionUID = 1L;

        enum Reason { BUSY, WRONG_OFFSET, TOO_SHORT, TOO_LONG }

        private final Reason reason;

        ChunkRefused(Reason reason) {
            super(reason.name());
            this.reason = reason;
        }

        Reason reason() {
            return reason;
        }
    }

    private static final int BUFFER_BYTES = 64 * 1024;

    private final Path uploads;
    private final Path stored;

    /** The store the configuration names: {@code location}, or {@code media/} in the container's data folder. */
    static MediaStore of(MediaConfig config) {
        return new MediaStore(config.location().isBlank() ? Path.of(System.getProperty("karaf.data", "data"), "media")
                : Path.of(config.location()));
    }

    Path root() {
        return uploads.getParent();
    }

    /** The stored media: written once, under the name of their SHA-256, never changed. */
    Path storedFolder() {
        return stored;
    }

    MediaStore(Path root) {
        this.uploads = root.resolve("uploads");
        this.stored = root.resolve("sha256");
        try {
            Files.createDirectories(uploads);
            Files.createDirectories(stored);
        } catch (IOException e) {
            throw new UncheckedIOException("the media folder " + root + " cannot be created", e);
        }
    }

    long received(String uploadId) {
        try {
            Path part = part(uploadId);
            return Files.exists(part) ? Files.size(part) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes exactly {@code length} bytes at {@code offset}, forced to disk; returns the bytes now received. */
    long append(String uploadId, long offset, long length, InputStream chunk) throws IOException, ChunkRefused {
        try (FileChannel part = FileChannel.open(part(uploadId), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = tryLock(part)) {
            if (part.size() != offset) {
                throw new ChunkRefused(ChunkRefused.Reason.WRONG_OFFSET);
            }
            try {
                copy(chunk, part, offset, length);
            } catch (ChunkRefused | IOException | RuntimeException e) {
                part.truncate(offset);
                throw e;
            }
            part.force(false);
            return offset + length;
        }
    }

    private static FileLock tryLock(FileChannel part) throws IOException, ChunkRefused {
        try {
            FileLock lock = part.tryLock();
            if (lock != null) {
                return lock;
            }
        } catch (OverlappingFileLockException e) {
            // another request of this JVM writes the upload
        }
        throw new ChunkRefused(ChunkRefused.Reason.BUSY);
    }

    private static void copy(InputStream chunk, FileChannel part, long offset, long length)
            throws IOException, ChunkRefused {
        ReadableByteChannel in = Channels.newChannel(chunk);
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
        long position = offset;
        long end = offset + length;
        while (position < end) {
            buffer.clear().limit((int) Math.min(BUFFER_BYTES, end - position));
            if (in.read(buffer) < 0) {
                throw new ChunkRefused(ChunkRefused.Reason.TOO_SHORT);
            }
            buffer.flip();
            while (buffer.hasRemaining()) {
                position += part.write(buffer, position);
            }
        }
        if (chunk.read() >= 0) {
            throw new ChunkRefused(ChunkRefused.Reason.TOO_LONG);
        }
    }

    /** The hex SHA-256 of a finished upload. */
    String digest(String uploadId) throws IOException {
        MessageDigest sha256 = sha256();
        try (InputStream in = Files.newInputStream(part(uploadId))) {
            byte[] buffer = new byte[BUFFER_BYTES];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha256.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    /**
     * Gives a finished upload its place by digest, as a second name of the part file, which stays until the media is
     * recorded ({@link #discardQuietly}): a completion that breaks off can be done again. The same bytes stored
     * before are kept as they are.
     */
    Path keep(String uploadId, String sha256) throws IOException {
        Path target = file(sha256);
        Files.createDirectories(target.getParent());
        if (!Files.exists(target)) {
            Path named = target.resolveSibling(uploadId + ".linking");
            Files.deleteIfExists(named);
            try {
                Files.createLink(named, part(uploadId));
            } catch (UnsupportedOperationException | IOException noLinks) {
                Files.copy(part(uploadId), named);
            }
            Files.move(named, target, StandardCopyOption.ATOMIC_MOVE);
        }
        return target;
    }

    /** Drops the part file of a recorded upload; a failure leaves it to the purge of expired uploads. */
    void discardQuietly(String uploadId) {
        try {
            discard(uploadId);
        } catch (IOException e) {
            // the expired-upload purge finds it later
        }
    }

    /** Drops the part file of an expired upload unless a chunk is being written to it; whether it is gone. */
    boolean discardIfIdle(String uploadId) throws IOException {
        Path part = part(uploadId);
        if (!Files.exists(part)) {
            return true;
        }
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE); FileLock lock = tryLock(channel)) {
            Files.delete(part);
            return true;
        } catch (ChunkRefused busy) {
            return false;
        }
    }

    void discard(String uploadId) throws IOException {
        Files.deleteIfExists(part(uploadId));
    }

    InputStream read(String uploadId) throws IOException {
        return Files.newInputStream(part(uploadId));
    }

    Path file(String sha256) {
        return stored.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private Path part(String uploadId) {
        return uploads.resolve(uploadId + ".part");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
