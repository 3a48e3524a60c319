package cn.anxun.face.opencv.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.imageio.ImageIO;

import org.junit.BeforeClass;
import org.junit.Test;

import cn.anxun.api.face.FaceComparison;
import cn.anxun.api.face.FaceDetection;
import cn.anxun.api.face.FaceReason;
import cn.anxun.api.face.FaceTemplate;

/** What the provider says of images without faces; photos of real faces are tried against the distribution. */
public class OpenCvFaceProviderTest {

    private static OpenCvFaceProvider provider;

    @BeforeClass
    public static void bundledModels() {
        provider = new OpenCvFaceProvider(defaults());
    }

    @Test
    public void bytesThatAreNoImageAreSaidSo() {
        assertEquals(FaceReason.INVALID_IMAGE, provider.detect("not an image".getBytes()).problem());
        assertEquals(FaceReason.INVALID_IMAGE, provider.detect(new byte[0]).problem());
    }

    @Test
    public void noiseAndFlatImagesHaveNoFace() throws IOException {
        for (byte[] image : new byte[][] {png(640, 480, new Random(1)), png(320, 240, null)}) {
            assertTrue(provider.detect(image).faces().isEmpty());
            assertEquals(FaceReason.NO_FACE, provider.detect(image).problem());
        }
        FaceComparison comparison = provider.compare(png(640, 480, new Random(2)), png(640, 480, new Random(3)), 0.42);
        assertEquals(FaceComparison.Decision.UNDECIDED, comparison.decision());
        assertEquals(FaceReason.NO_FACE, comparison.reason());
        assertTrue(Double.isNaN(comparison.score()));
    }

    @Test
    public void anImageWithoutAFaceHasNoTemplateAndSaysWhy() throws IOException {
        FaceTemplate template = provider.template(png(320, 240, null)).orElseThrow();
        assertEquals(FaceReason.NO_FACE, template.problem());
        assertNull(template.vector());
        assertTrue(template.model(), template.model().matches("opencv:[0-9a-f]{16}"));
    }

    @Test
    public void requestsFromManyThreadsShareTheNetworksWithoutClashing() throws Exception {
        byte[] noise = png(640, 480, new Random(4));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<FaceDetection>> detections = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                detections.add(threads.submit(() -> provider.detect(noise)));
            }
            for (Future<FaceDetection> detection : detections) {
                assertEquals(FaceReason.NO_FACE, detection.get().problem());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    public void aScoreAtTheThresholdMatches() {
        assertEquals(FaceComparison.Decision.MATCH, FaceComparison.scored(0.42, 0.42).decision());
        assertNull(FaceComparison.scored(0.42, 0.42).reason());
        assertEquals(FaceReason.MISMATCH, FaceComparison.scored(0.419, 0.42).reason());
    }

    private static byte[] png(int width, int height, Random noise) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, noise == null ? 0x808080 : noise.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** The configuration with every attribute at its default, as Config Admin gives it without a file. */
    static OpenCvConfig defaults() {
        return (OpenCvConfig) Proxy.newProxyInstance(OpenCvConfig.class.getClassLoader(),
                new Class<?>[] {OpenCvConfig.class}, (proxy, method, args) -> method.getDefaultValue());
    }
}
