package cn.anxun.face.tencent.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.junit.Test;

public class VendorImagesTest {

    @Test
    public void imagesWithinTheLimitsGoAsTheyAre() throws IOException {
        byte[] png = image("png", 2000, 1500);
        assertArrayEquals(png, VendorImages.fitted(png));
        byte[] jpeg = image("jpeg", 4000, 300);
        assertArrayEquals(jpeg, VendorImages.fitted(jpeg));
    }

    @Test
    public void aLargePngIsShrunkToAJpegTheServiceTakes() throws IOException {
        BufferedImage fitted = ImageIO.read(new ByteArrayInputStream(VendorImages.fitted(image("png", 4096, 3072))));
        assertEquals(2000, fitted.getWidth());
        assertEquals(1500, fitted.getHeight());
    }

    private static byte[] image(String format, int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }
}
