package cn.anxun.itests;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/**
 * A video for Chromium's fake camera ({@code --use-file-for-fake-video-capture}), made from a test photograph: a
 * YUV4MPEG2 file whose frames show the person a few pixels apart, each stamped with its number so that no two
 * captures are the same file, as a live camera gives. The browser plays it from its start for each page that opens
 * the camera, so a test takes each capture at another time since then ({@link Browser#cameraPast}).
 */
final class FakeCamera {

    private static final int WIDTH = 320;
    private static final int HEIGHT = 240;
    /** A minute and a half at 10 frames a second before the video starts again. */
    private static final int FRAMES = 900;

    private FakeCamera() {
    }

    /** The video of the photo, written once into the folder. */
    static Path of(String photo, Path folder) throws IOException {
        Path video = folder.resolve(photo + ".y4m");
        if (Files.exists(video)) {
            return video;
        }
        Files.createDirectories(folder);
        BufferedImage face = ImageIO.read(new ByteArrayInputStream(Photos.of(photo)));
        int height = HEIGHT - 20;
        int width = face.getWidth() * height / face.getHeight();
        try (OutputStream out = Files.newOutputStream(video)) {
            out.write(("YUV4MPEG2 W" + WIDTH + " H" + HEIGHT + " F10:1 Ip A1:1 C420jpeg\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (int n = 0; n < FRAMES; n++) {
                BufferedImage frame = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
                Graphics2D pen = frame.createGraphics();
                pen.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                pen.setColor(new Color(200, 200, 200));
                pen.fillRect(0, 0, WIDTH, HEIGHT);
                pen.drawImage(face, (WIDTH - width) / 2 + n % 7, 10 + n % 3, width, height, null);
                for (int bit = 0; bit < 10; bit++) {
                    pen.setColor((n >> bit & 1) == 1 ? Color.WHITE : Color.BLACK);
                    pen.fillRect(bit * 6, HEIGHT - 6, 6, 6);
                }
                pen.dispose();
                out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                out.write(yuv420(frame));
            }
        }
        return video;
    }

    /** The frame as Y, then U and V at half resolution (BT.601, full range as C420jpeg says). */
    private static byte[] yuv420(BufferedImage frame) {
        byte[] planes = new byte[WIDTH * HEIGHT * 3 / 2];
        int u = WIDTH * HEIGHT;
        int v = u + u / 4;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int rgb = frame.getRGB(x, y);
                int r = rgb >> 16 & 0xff;
                int g = rgb >> 8 & 0xff;
                int b = rgb & 0xff;
                planes[y * WIDTH + x] = (byte) clamp(0.299 * r + 0.587 * g + 0.114 * b);
                if (x % 2 == 0 && y % 2 == 0) {
                    int at = (y / 2) * (WIDTH / 2) + x / 2;
                    planes[u + at] = (byte) clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
                    planes[v + at] = (byte) clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
                }
            }
        }
        return planes;
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}
