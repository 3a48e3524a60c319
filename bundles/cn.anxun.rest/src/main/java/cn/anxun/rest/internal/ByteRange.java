package cn.anxun.rest.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One range of bytes of a file, as a {@code Range} header asks for it (RFC 9110 §14.1.2) or as a chunk's
 * {@code Content-Range} announces it (§14.4).
 *
 * @param first the first byte
 * @param last the last byte, included
 */
record ByteRange(long first, long last) {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d{1,18})-(\\d{1,18})/(\\d{1,18})");

    /** Thrown when a single range lies wholly outside the file: 416. */
    static final class Unsatisfiable extends Exception {

        private static final long serialVersionUID = 1L;
    }

    long length() {
        return last - first + 1;
    }

    /**
     * The range a {@code Range} header asks for in a file of {@code size} bytes; empty when the whole file is to be
     * sent (no header, several ranges or a syntax a server may ignore).
     */
    static Optional<ByteRange> requested(String header, long size) throws Unsatisfiable {
        Matcher range = header == null ? null : RANGE.matcher(header.strip());
        if (range == null || !range.matches() || range.group(1).isEmpty() && range.group(2).isEmpty()) {
            return Optional.empty();
        }
        if (range.group(1).isEmpty()) {
            long suffix = Long.parseLong(range.group(2));
            if (suffix == 0 || size == 0) {
                throw new Unsatisfiable();
            }
            return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
        }
        long first = Long.parseLong(range.group(1));
        long last = range.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(range.group(2));
        if (last < first) {
            return Optional.empty();
        }
        if (first >= size) {
            throw new Unsatisfiable();
        }
        return Optional.of(new ByteRange(first, Math.min(last, size - 1)));
    }

    /** A chunk of an upload: its bytes in the file, and the file's size. */
    record Chunk(ByteRange range, long total) {
    }

    /** The chunk a {@code Content-Range} header announces; empty when malformed. */
    static Optional<Chunk> announced(String header) {
        Matcher range = header == null ? null : CONTENT_RANGE.matcher(header.strip());
        if (range == null || !range.matches()) {
            return Optional.empty();
        }
        long first = Long.parseLong(range.group(1));
        long last = Long.parseLong(range.group(2));
        long total = Long.parseLong(range.group(3));
        return last < first ? Optional.empty() : Optional.of(new Chunk(new ByteRange(first, last), total));
    }
}
