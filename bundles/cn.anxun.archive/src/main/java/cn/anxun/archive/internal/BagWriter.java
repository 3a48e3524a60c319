package cn.anxun.archive.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A BagIt bag (RFC 8493, version 1.0) written as a zip stream under one folder: the payload under {@code data/} as it
 * comes, each file's SHA-256 taken as it is written, then the tag files. Only the manifest's lines are kept meanwhile.
 */
final class BagWriter {

    /** The tag file that holds the signed statement over the payload manifest. */
    static final String SIGNATURE = "handover-signature.txt";

    private final ZipOutputStream zip;
    private final String root;
    private final StringBuilder manifest = new StringBuilder();
    private final StringBuilder tagManifest = new StringBuilder();
    private long octets;
    private long files;

    BagWriter(OutputStream out, String root) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        this.root = root;
    }

    /** A payload file, at {@code path} below {@code data/}. */
    void payload(String path, byte[] content) throws IOException {
        manifest.append(write("data/" + path, content)).append("  data/").append(path).append('\n');
        octets += content.length;
        files++;
    }

    /**
     * Writes {@code bagit.txt}, {@code bag-info.txt} with the payload's size, the payload manifest, the signed
     * statement {@code sign} makes of the manifest, and the tag manifest; then ends the zip.
     */
    void finish(Map<String, String> info, Function<byte[], String> sign) throws IOException {
        tag("bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
        StringBuilder bagInfo = new StringBuilder();
        info.forEach((label, value) -> bagInfo.append(label).append(": ").append(value).append('\n'));
        bagInfo.append("Payload-Oxum: ").append(octets).append('.').append(files).append('\n');
        tag("bag-info.txt", bagInfo.toString());
        byte[] manifestBytes = manifest.toString().getBytes(StandardCharsets.UTF_8);
        tag("manifest-sha256.txt", manifestBytes);
        tag(SIGNATURE, sign.apply(manifestBytes).getBytes(StandardCharsets.UTF_8));
        write("tagmanifest-sha256.txt", tagManifest.toString().getBytes(StandardCharsets.UTF_8));
        zip.finish();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private void tag(String name, String content) throws IOException {
        tag(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private void tag(String name, byte[] content) throws IOException {
        tagManifest.append(write(name, content)).append("  ").append(name).append('\n');
    }

    private String write(String path, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(root + "/" + path));
        zip.write(content);
        zip.closeEntry();
        return sha256(content);
    }
}
