package cn.anxun.documents;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.Test;

import cn.anxun.identity.InvalidInputException;

public class PictureTest {

    private static final byte[] EXIF = "Exif\0\0GPS 23.1291N 113.2644E Owner 张三".getBytes(StandardCharsets.UTF_8);

    @Test
    public void aPhotoKeepsWhatItShowsAndLosesItsMetadata() throws IOException {
        byte[] photo = withExif(encoded("jpeg", 64, 48));
        assertTrue(contains(photo, EXIF));
        Picture picture = Picture.reencoded("attachment", photo);
        assertEquals("image/jpeg", picture.mediaType());
        assertEquals(64, picture.width());
        assertFalse(contains(picture.bytes(), "Exif".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(48, ImageIO.read(new ByteArrayInputStream(picture.bytes())).getHeight());
        assertEquals("image/png", Picture.reencoded("attachment", encoded("png", 3, 3)).mediaType());
    }

    @Test
    public void whatIsNoPictureOrTooLargeIsRefusedNamingTheField() throws IOException {
        assertEquals("picture", rule("GIF89a……".getBytes(StandardCharsets.UTF_8)));
        assertEquals("picture", rule(Arrays.copyOf(encoded("png", 8, 8), 40)));
        // a PNG header claiming 100,000 × 100,000 pixels: refused before a pixel is decoded
        byte[] png = encoded("png", 1, 1);
        ByteBuffer.wrap(png, 16, 8).putInt(100_000).putInt(100_000);
        assertEquals("max-pixels", rule(png));
    }

    private static String rule(byte[] upload) {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> Picture.reencoded("attachment", upload));
        assertEquals("attachment", refused.violations().get(0).field());
        return refused.violations().get(0).rule();
    }

    private static byte[] encoded(String format, int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }

    /** The JPEG with an APP1 segment after its start, where cameras write their metadata. */
    private static byte[] withExif(byte[] jpeg) {
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 4 + EXIF.length);
        out.put(jpeg, 0, 2).put((byte) 0xff).put((byte) 0xe1).putShort((short) (EXIF.length + 2)).put(EXIF)
                .put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    private static boolean contains(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return true;
            }
        }
        return false;
    }
}
