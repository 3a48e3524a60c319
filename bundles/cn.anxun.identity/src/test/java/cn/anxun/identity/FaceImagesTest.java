package cn.anxun.identity;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

import org.junit.Test;

public class FaceImagesTest {

    @Test
    public void aPhotoOfUsableSizePasses() throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(300, 400, BufferedImage.TYPE_INT_RGB), "png", png);
        assertEquals(Optional.empty(), FaceImages.check("facePhoto", png.toByteArray()));
        assertEquals(Optional.of("image/png"), FaceImages.mediaType(png.toByteArray()));
    }

    @Test
    public void aSmallFileClaimingAHugeImageIsRefusedFromItsHeader() {
        // 40 000 × 40 000 pixels would be 4.8 GB decoded; the file is a few hundred bytes
        byte[] bomb = png(40_000, 40_000);
        assertTrue(bomb.length < 2_000);
        assertEquals("image-dimensions", rule(bomb));
    }

    @Test
    public void tooSmallAndNotAnImage() throws Exception {
        ByteArrayOutputStream small = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(120, 120, BufferedImage.TYPE_INT_RGB), "jpeg", small);
        assertEquals("image-dimensions", rule(small.toByteArray()));
        assertEquals("image-type", rule("GIF89a".getBytes()));
        assertEquals("image-readable", rule(new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3, 4, 5, 6}));
    }

    private static String rule(byte[] bytes) {
        return FaceImages.check("facePhoto", bytes).map(Violation::rule).orElse(null);
    }

    /** A PNG whose header claims the size and whose data is a little zero-filled deflate stream. */
    private static byte[] png(int width, int height) {
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[4096]);
        deflater.finish();
        byte[] data = new byte[4096];
        int length = deflater.deflate(data);
        ByteBuffer file = ByteBuffer.allocate(8 + 25 + 12 + length + 12);
        file.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(file, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(file, "IDAT", java.util.Arrays.copyOf(data, length));
        chunk(file, "IEND", new byte[0]);
        return file.array();
    }

    private static void chunk(ByteBuffer file, String type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(type.getBytes());
        crc.update(data);
        file.putInt(data.length).put(type.getBytes()).put(data).putInt((int) crc.getValue());
    }
}
