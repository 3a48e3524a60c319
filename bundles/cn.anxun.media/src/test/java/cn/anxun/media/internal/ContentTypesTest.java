package cn.anxun.media.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.Test;

public class ContentTypesTest {

    @Test
    public void mp4IsKnownByItsFileTypeBox() throws Exception {
        byte[] ftyp = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm', 'p',
            '4', '1'};
        assertEquals("video/mp4", ContentTypes.detect(new ByteArrayInputStream(ftyp)));
    }

    @Test
    public void picturesAndWaveAudioAreKnownByTheirBytes() throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", png);
        assertEquals("image/png", ContentTypes.detect(new ByteArrayInputStream(png.toByteArray())));

        ByteArrayOutputStream wav = new ByteArrayOutputStream();
        AudioFormat format = new AudioFormat(8000, 16, 1, true, false);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(new byte[1600]), format, 800),
                AudioFileFormat.Type.WAVE, wav);
        String type = ContentTypes.detect(new ByteArrayInputStream(wav.toByteArray()));
        assertEquals("audio/vnd.wave", type);
        assertTrue(ContentTypes.accepted(type));
    }

    @Test
    public void documentsAndScriptablePicturesAreRefused() throws Exception {
        String pdf = ContentTypes.detect(new ByteArrayInputStream("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("application/pdf", pdf);
        assertFalse(ContentTypes.accepted(pdf));
        String svg = ContentTypes.detect(new ByteArrayInputStream(("<?xml version=\"1.0\"?><svg xmlns="
                + "\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>").getBytes(StandardCharsets.UTF_8)));
        assertEquals("image/svg+xml", svg);
        assertFalse(ContentTypes.accepted(svg));
        assertFalse(ContentTypes.accepted("application/octet-stream"));
    }
}
