package cn.anxun.identity.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;

import javax.imageio.ImageIO;

/** A reference face photo must be a JPEG or PNG, by its content, that decodes, of a usable size. */
final class ImageCheck {

    static final int MAX_BYTES = 3 * 1024 * 1024;
    static final int MIN_SIDE = 200;

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
        BufferedImage image = decode(bytes);
        if (image == null) {
            checks.add(field, "image-readable", "could not be decoded as " + type.get());
            return Optional.empty();
        }
        if (Math.min(image.getWidth(), image.getHeight()) < MIN_SIDE) {
            checks.add(field, "image-dimensions", "must be at least " + MIN_SIDE + "×" + MIN_SIDE + " pixels, was "
                    + image.getWidth() + "×" + image.getHeight());
            return Optional.empty();
        }
        return type;
    }

    private static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
