package cn.anxun.archive.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.Violation;
import cn.anxun.ledger.proof.SignedNote;
import cn.anxun.ledger.proof.VerifierKey;

/**
 * A handover package as received, a zip holding one bag, checked whole before anything of it is read for keeping:
 * the tag files as the tag manifest says, the payload manifest as the statement signed with the source's key says,
 * every payload file as the manifest says, and nothing besides. A violation names the file, as the bag has it.
 */
final class ReceivedPackage implements Closeable {

    private final ZipFile zip;
    private final Map<String, ZipEntry> entries = new LinkedHashMap<>();
    private final List<Violation> violations = new ArrayList<>();
    private String statement = "";

    ReceivedPackage(Path file) throws IOException {
        zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        String root = null;
        for (ZipEntry entry : zip.stream().filter(entry -> !entry.isDirectory()).toList()) {
            int slash = entry.getName().indexOf('/');
            String folder = slash < 0 ? "" : entry.getName().substring(0, slash);
            if (root == null) {
                root = folder;
            }
            if (slash < 0 || !folder.equals(root) || entry.getName().contains("..")) {
                throw refused(entry.getName(), "bag-layout", "is outside the package's one folder, the bag");
            }
            entries.put(entry.getName().substring(slash + 1), entry);
        }
    }

    /** Checks the package with the source's key; throws naming every file that does not verify. */
    void verify(VerifierKey key) {
        if (!text("bagit.txt").startsWith("BagIt-Version: 1.0\n")) {
            throw refused("bagit.txt", "bag-layout", "declares BagIt 1.0");
        }
        checkManifest("tagmanifest-sha256.txt", false);
        throwIfAny();
        try {
            statement = SignedNote.verifiedText(text(BagWriter.SIGNATURE), key);
        } catch (IllegalArgumentException e) {
            throw refused(BagWriter.SIGNATURE, "signature", "is not signed with the source's key " + key.name()
                    + ": " + e.getMessage());
        }
        if (!statement.contains("\nmanifest-sha256 " + BagWriter.sha256(bytes("manifest-sha256.txt")) + "\n")) {
            throw refused("manifest-sha256.txt", "signature", "is not the manifest the signed statement names");
        }
        checkManifest("manifest-sha256.txt", true);
        throwIfAny();
    }

    private void throwIfAny() {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    /** What the signed statement says after its first line, e.g. {@code institution <id>}. */
    String stated(String label) {
        return statement.lines().filter(line -> line.startsWith(label + " ")).map(line -> line.substring(
                label.length() + 1)).findFirst().orElse(null);
    }

    boolean has(String path) {
        return entries.containsKey(path);
    }

    String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    byte[] bytes(String path) {
        ZipEntry entry = entries.get(path);
        if (entry == null) {
            throw refused(path, "missing", "is missing from the package");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void checkManifest(String manifest, boolean payload) {
        Map<String, String> listed = new LinkedHashMap<>();
        text(manifest).lines().filter(line -> !line.isBlank()).forEach(line -> {
            int split = line.indexOf(' ');
            listed.put(split < 0 ? line : line.substring(split).strip(), split < 0 ? "" : line.substring(0, split));
        });
        listed.forEach((file, digest) -> {
            if (!entries.containsKey(file)) {
                violations.add(new Violation(file, "missing", "is listed in " + manifest + " and missing"));
            } else if (!digest.equals(sha256(entries.get(file)))) {
                violations.add(new Violation(file, "checksum", "was changed after the package was signed: its "
                        + "SHA-256 is not the one " + manifest + " lists"));
            }
        });
        if (payload) {
            entries.keySet().stream().filter(file -> file.startsWith("data/") && !listed.containsKey(file))
                    .forEach(file -> violations.add(new Violation(file, "unlisted", "is in the package but not in "
                            + manifest)));
        }
    }

    private String sha256(ZipEntry entry) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(zip.getInputStream(entry), digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static InvalidInputException refused(String file, String rule, String message) {
        return new InvalidInputException(file, rule, message);
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
