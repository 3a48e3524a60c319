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
import java.util.TreeMap;
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
 * there is none. To rotate, add a file with a higher id.
 */
final class KeySet {

    private static final Logger LOG = LoggerFactory.getLogger(KeySet.class);
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final String algorithm;
    private final TreeMap<Integer, SecretKey> keys = new TreeMap<>();

    /**
     * @param algorithm the JCA name of what the keys are for, e.g. {@code AES} or {@code HmacSHA256}
     */
    KeySet(Path folder, String purpose, String algorithm) {
        this.algorithm = algorithm;
        Pattern name = Pattern.compile(Pattern.quote(purpose) + "-(\\d+)\\.key");
        try {
            ensureFolder(folder);
            try (Stream<Path> files = Files.list(folder)) {
                files.forEach(file -> {
                    Matcher matcher = name.matcher(file.getFileName().toString());
                    if (matcher.matches()) {
                        keys.put(Integer.valueOf(matcher.group(1)), read(file));
                    }
                });
            }
            if (keys.isEmpty()) {
                keys.put(1, generate(folder.resolve(purpose + "-1.key")));
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

    /** The key of that id, or {@code null} if this node does not have it. */
    SecretKey get(int id) {
        return keys.get(id);
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
