package cn.anxun.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 256-bit keys of one purpose, each in a file {@code <purpose>-<id>.key} (base64) readable by the owner only.
 * The highest id is the active key; older ones stay to read what they protected. A first key is generated when
 * there is none and the node may make keys. To rotate, add a file with a higher id to every node's folder: a key
 * asked for by an id not read yet is looked for in the folder again (once in a few seconds at most, whatever a
 * forged token names), so that what a node that took the new key sealed or signed is read everywhere at once, and
 * from then on each node uses it; a node restarted uses it from its start.
 */
final class KeySet {

    private static final Logger LOG = LoggerFactory.getLogger(KeySet.class);
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final long AGAIN_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path folder;
    private final String algorithm;
    private final Pattern name;
    private final ConcurrentSkipListMap<Integer, SecretKey> keys = new ConcurrentSkipListMap<>();
    private final AtomicLong lastRead = new AtomicLong(System.nanoTime() - AGAIN_NANOS);

    /**
     * @param algorithm the JCA name of what the keys are for, e.g. {@code AES} or {@code HmacSHA256}
     */
    KeySet(Path folder, String purpose, String algorithm, Consumer<Path> mayMake) {
        this.folder = folder;
        this.algorithm = algorithm;
        this.name = Pattern.compile(Pattern.quote(purpose) + "-(\\d+)\\.key");
        try {
            ensureFolder(folder);
            readFolder();
            if (keys.isEmpty()) {
                Path first = folder.resolve(purpose + "-1.key");
                mayMake.accept(first);
                keys.put(1, generate(first));
                LOG.info("Generated the first {} key in {}", purpose, folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the " + purpose + " keys in " + folder, e);
        }
    }

    int activeId() {
        return keys.lastKey();
    }

    SecretKey active() {
        return keys.lastEntry().getValue();
    }

    /** The key of that id, looked for in the folder again if it was not there before; {@code null} if it is not. */
    SecretKey get(int id) {
        SecretKey key = keys.get(id);
        long read = lastRead.get();
        if (key == null && id > keys.lastKey() && System.nanoTime() - read > AGAIN_NANOS
                && lastRead.compareAndSet(read, System.nanoTime())) {
            try {
                readFolder();
            } catch (IOException | UncheckedIOException e) {
                LOG.warn("The keys in {} could not be read again: {}", folder, e.getMessage());
            }
            key = keys.get(id);
        }
        return key;
    }

    private void readFolder() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            files.forEach(file -> {
                Matcher matcher = name.matcher(file.getFileName().toString());
                if (matcher.matches()) {
                    keys.computeIfAbsent(Integer.valueOf(matcher.group(1)), id -> read(file));
                }
            });
        }
    }

    private SecretKey read(Path file) {
        try {
            restrict(file, OWNER_ONLY_FILE);
            byte[] bytes = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            if (bytes.length != 32) {
                throw new IllegalStateException(file + " does not hold a 256-bit key");
            }
            return new SecretKeySpec(bytes, algorithm);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SecretKey generate(Path file) throws IOException {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        if (POSIX) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(bytes) + "\n", StandardCharsets.US_ASCII);
        return new SecretKeySpec(bytes, algorithm);
    }

    private static void ensureFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            if (POSIX) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
            } else {
                Files.createDirectories(folder);
            }
        }
        restrict(folder, OWNER_ONLY_FOLDER);
    }

    /** Key material others could read is a leak: take their access away and say so. */
    private static void restrict(Path path, Set<PosixFilePermission> wanted) throws IOException {
        if (POSIX && !Files.getPosixFilePermissions(path).equals(wanted)) {
            LOG.warn("{} was readable by others than its owner; its permissions are now {}", path,
                    PosixFilePermissions.toString(wanted));
            Files.setPosixFilePermissions(path, wanted);
        }
    }
}
