package cn.anxun.documents;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import cn.anxun.identity.InvalidInputException;

/**
 * An uploaded picture, PNG or JPEG, drawn again into a new file of its format: what it shows is kept, its metadata
 * (where it was taken, the camera, its owner) is not. The size is read from the header before any pixel is
 * decoded, so a small file that claims a huge picture costs nothing.
 *
 * @param bytes the picture as re-encoded
 * @param mediaType {@code image/png} or {@code image/jpeg}
 */
public record Picture(byte[] bytes, String mediaType, int width, int height) {

    /** Pixels a picture may have: a phone's photo has about twelve million. */
    public static final long MAX_PIXELS = 40_000_000;

    /** Of the bytes as re-encoded. */
    public String sha256() {
        return Digest.sha256(bytes);
    }

    /** The type of a PNG or JPEG by its first bytes, else none. */
    public static Optional<String> typeOf(byte[] bytes) {
        if (bytes.length > 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            return Optional.of("image/png");
        }
        if (bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
            return Optional.of("image/jpeg");
        }
        return Optional.empty();
    }

    /**
     * The picture re-encoded.
     *
     * @param field the request's field that carries it, which the errors name
     * @throws InvalidInputException naming the field: rule {@code picture} for what is no PNG or JPEG that can be
     *         read, {@code max-pixels} for one too large
     */
    public static Picture reencoded(String field, byte[] bytes) {
        String type = typeOf(bytes).orElseThrow(() -> notPicture(field, "it is neither PNG nor JPEG"));
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
            if (!readers.hasNext()) {
                throw new IllegalStateException("the Java platform reads " + type);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > MAX_PIXELS) {
                    throw new InvalidInputException(field, "max-pixels", "must have at most " + MAX_PIXELS
                            + " pixels, not " + width + " × " + height);
                }
                BufferedImage image = reader.read(0);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                String format = type.equals("image/png") ? "png" : "jpeg";
                if (!ImageIO.write(jpegReady(image, format), format, out)) {
                    throw notPicture(field, "it cannot be written again");
                }
                return new Picture(out.toByteArray(), type, width, height);
            } finally {
                reader.dispose();
            }
        } catch (InvalidInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw notPicture(field, "it cannot be read (" + e.getMessage() + ")");
        }
    }

    /** JPEG keeps no transparency: a picture that has some is drawn on white. */
    private static BufferedImage jpegReady(BufferedImage image, String format) {
        if (!format.equals("jpeg") || !image.getColorModel().hasAlpha()) {
            return image;
        }
        BufferedImage opaque = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        opaque.createGraphics().drawImage(image, 0, 0, Color.WHITE, null);
        return opaque;
    }

    private static InvalidInputException notPicture(String field, String why) {
        return new InvalidInputException(field, "picture", "must be a PNG or JPEG picture; " + why);
    }
}
