package cn.anxun.backup.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SHA-256 of every file of a backup, written as {@code SHA256SUMS} in the format of {@code sha256sum}, so that
 * {@code sha256sum -c SHA256SUMS} checks the folder with no program of ours.
 */
final class Sums {

    static final String FILE = "SHA256SUMS";

    private final Map<String, String> byPath = new TreeMap<>();

    /** The sums a folder's {@code SHA256SUMS} lists; none if it has none. */
    static Sums of(Path folder) throws IOException {
        Sums sums = new Sums();
        Path file = folder.resolve(FILE);
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int gap = line.indexOf("  ");
                if (gap > 0) {
                    sums.byPath.put(line.substring(gap + 2), line.substring(0, gap));
                }
            }
        }
        return sums;
    }

    String of(String path) {
        return byPath.get(path);
    }

    void put(String path, String sha256) {
        byPath.put(path, sha256);
    }

    /** Copies {@code from} into {@code to}, noting the sum of the bytes as they pass. */
    void copy(Path from, Path to, String path) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(from), digest)) {
            Files.copy(in, to);
        }
        put(path, HexFormat.of().formatHex(digest.digest()));
    }

    /** Notes the sum of a file already in place. */
    void read(Path file, String path) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        put(path, HexFormat.of().formatHex(digest.digest()));
    }

    void write(Path folder) throws IOException {
        StringBuilder lines = new StringBuilder();
        byPath.forEach((path, sum) -> lines.append(sum).append("  ").append(path).append('\n'));
        Files.writeString(folder.resolve(FILE), lines, StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException("no SHA-256 in this JVM", e));
        }
    }
}
