package cn.anxun.web.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * The page files of the bundle's {@code web/} folder, read once each and kept: they are a few hundred kilobytes, and
 * never change while the bundle runs. Each carries its type and a strong ETag.
 */
final class PageFiles {

    /**
     * A file of the pages: its bytes, the same compressed where that is worth it (text), its type, and a hash of the
     * bytes that answers conditional requests.
     */
    record PageFile(byte[] bytes, byte[] gzipped, String type, String etag) {
    }

    private static final String FOLDER = "/web";
    /** Letters, digits, dots, dashes and slashes, no dot first in a name: no way out of the folder. */
    private static final Pattern SAFE = Pattern.compile("(/[A-Za-z0-9_-][A-Za-z0-9._-]*)+");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=UTF-8",
            "js", "text/javascript; charset=UTF-8",
            "css", "text/css; charset=UTF-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "json", "application/json",
            "txt", "text/plain; charset=UTF-8");

    private final Function<String, URL> entries;
    private final Map<String, Optional<PageFile>> read = new ConcurrentHashMap<>();

    PageFiles(Function<String, URL> entries) {
        this.entries = entries;
    }

    /** The file at that path of the pages ({@code /} is the start page), or empty. */
    Optional<PageFile> at(String path) {
        String file = path == null || path.equals("/") || path.isEmpty() ? "/index.html" : path;
        if (!SAFE.matcher(file).matches()) {
            return Optional.empty();
        }
        return read.computeIfAbsent(file, this::load);
    }

    private Optional<PageFile> load(String file) {
        String type = TYPES.get(file.substring(file.lastIndexOf('.') + 1));
        URL entry = entries.apply(FOLDER + file);
        if (type == null || entry == null) {
            return Optional.empty();
        }
        try (InputStream in = entry.openStream()) {
            byte[] bytes = in.readAllBytes();
            byte[] gzipped = type.startsWith("image/png") ? null : gzip(bytes);
            return Optional.of(new PageFile(bytes, gzipped, type,
                    '"' + HexFormat.of().formatHex(sha256(bytes), 0, 16) + '"'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
