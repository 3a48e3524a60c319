package cn.anxun.identity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A face photo (a reference photo or a live capture) must be a JPEG or PNG, by its content, of a usable size, that
 * decodes. The size is read from the header before anything is decoded: a small file can claim a huge image and
 * would take gigabytes.
 */
public final class FaceImages {

    public static final int MAX_BYTES = 3 * 1024 * 1024;
    public static final int MIN_SIDE = 200;
    public static final int MAX_SIDE = 4096;

    private FaceImages() {
    }

    /** The media type the bytes are, by their first bytes; empty if neither JPEG nor PNG. */
    public static Optional<String> mediaType(byte[] bytes) {
        if (bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
            return Optional.of("image/jpeg");
        }
        if (bytes.length > 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            return Optional.of("image/png");
        }
        return Optional.empty();
    }

    /** What is wrong with the photo, if anything. */
    public static Optional<Violation> check(String field, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return violation(field, "required", "is required");
        }
        if (bytes.length > MAX_BYTES) {
            return violation(field, "max-size", "must be at most " + MAX_BYTES / 1024 / 1024 + " MiB");
        }
        Optional<String> type = mediaType(bytes);
        if (type.isEmpty()) {
            return violation(field, "image-type", "must be a JPEG or PNG image (judged by its content)");
        }
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return violation(field, "image-readable", "could not be read as " + type.get());
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (Math.min(width, height) < MIN_SIDE || Math.max(width, height) > MAX_SIDE) {
                    return violation(field, "image-dimensions", "must be between " + MIN_SIDE + " and " + MAX_SIDE
                            + " pixels on each side, was " + width + "×" + height);
                }
                reader.read(0);
            } finally {
                reader.dispose();
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return violation(field, "image-readable", "could not be decoded as " + type.get());
        }
    }

    private static Optional<Violation> violation(String field, String rule, String message) {
        return Optional.of(new Violation(field, rule, message));
    }
}
