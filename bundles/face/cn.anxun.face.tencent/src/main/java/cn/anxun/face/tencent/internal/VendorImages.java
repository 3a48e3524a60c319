package cn.anxun.face.tencent.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Images as the service takes them: a JPEG's long side at most 4000 pixels, any other format's at most 2000. Larger
 * images (the platform accepts 4096) are shrunk and sent as JPEG, so that a usable photo is never refused for its
 * size alone.
 */
final class VendorImages {

    private static final int JPEG_LIMIT = 4000;
    private static final int OTHER_LIMIT = 2000;

    private VendorImages() {
    }

    static byte[] fitted(byte[] image) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return image;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                boolean jpeg = "jpeg".equalsIgnoreCase(reader.getFormatName());
                int longSide = Math.max(reader.getWidth(0), reader.getHeight(0));
                if (longSide <= (jpeg ? JPEG_LIMIT : OTHER_LIMIT)) {
                    return image;
                }
                return shrunk(reader.read(0), (double) OTHER_LIMIT / longSide);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            // the service judges what cannot be read here
            return image;
        }
    }

    private static byte[] shrunk(BufferedImage original, double scale) throws IOException {
        BufferedImage smaller = new BufferedImage((int) (original.getWidth() * scale),
                (int) (original.getHeight() * scale), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = smaller.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.drawImage(original, 0, 0, smaller.getWidth(), smaller.getHeight(), null);
        graphics.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(smaller, "jpeg", jpeg);
        return jpeg.toByteArray();
    }
}
