package cn.anxun.identity.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A reference face photo must be a JPEG or PNG, by its content, of a usable size, that decodes. The size is read
 * from the header before anything is decoded: a small file can claim a huge image and would take gigabytes.
 */
final class ImageCheck {

    static final int MAX_BYTES = 3 * 1024 * 1024;
    static final int MIN_SIDE = 200;
    static final int MAX_SIDE = 4096;

    private ImageCheck() {
    }

    /** The media type the bytes are, by their first bytes; empty if neither JPEG nor PNG. */
    static Optional<String> mediaType(byte[] bytes) {
        if (bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
            return Optional.of("image/jpeg");
        }
        if (bytes.length > 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            return Optional.of("image/png");
        }
        return Optional.empty();
    }

    /** Records what is wrong with the photo, if anything, and answers its media type. */
    static Optional<String> check(Checks checks, String field, byte[] bytes) {
        if (!checks.required(field, bytes == null || bytes.length == 0 ? null : bytes)) {
            return Optional.empty();
        }
        if (bytes.length > MAX_BYTES) {
            checks.add(field, "max-size", "must be at most " + MAX_BYTES / 1024 / 1024 + " MiB");
            return Optional.empty();
        }
        Optional<String> type = mediaType(bytes);
        if (type.isEmpty()) {
            checks.add(field, "image-type", "must be a JPEG or PNG image (judged by its content)");
            return type;
        }
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                checks.add(field, "image-readable", "could not be read as " + type.get());
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (Math.min(width, height) < MIN_SIDE || Math.max(width, height) > MAX_SIDE) {
                    checks.add(field, "image-dimensions", "must be between " + MIN_SIDE + " and " + MAX_SIDE
                            + " pixels on each side, was " + width + "×" + height);
                    return Optional.empty();
                }
                reader.read(0);
            } finally {
                reader.dispose();
            }
            return type;
        } catch (IOException | RuntimeException e) {
            checks.add(field, "image-readable", "could not be decoded as " + type.get());
            return Optional.empty();
        }
    }
}
