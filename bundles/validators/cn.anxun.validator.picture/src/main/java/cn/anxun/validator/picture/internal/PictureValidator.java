package cn.anxun.validator.picture.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

import cn.anxun.api.media.Finding;
import cn.anxun.api.media.LumaPlane;
import cn.anxun.api.media.MediaFile;
import cn.anxun.api.media.MediaReport;
import cn.anxun.api.media.MediaValidator;

/** Pictures of text units, read with the JDK's ImageIO: large enough to read, well exposed, sharp. */
@Component(service = MediaValidator.class, configurationPid = PictureValidatorConfig.PID)
@Designate(ocd = PictureValidatorConfig.class)
public class PictureValidator implements MediaValidator {

    private static final String CONVERT = "Save it as JPEG or PNG and upload it again.";
    private static final int BLOWN = 250;

    private volatile PictureValidatorConfig config;

    @Activate
    public PictureValidator(PictureValidatorConfig config) {
        this.config = config;
    }

    @Modified
    void modified(PictureValidatorConfig newConfig) {
        config = newConfig;
    }

    @Override
    public String id() {
        return "picture";
    }

    @Override
    public String label() {
        return "Pictures (JPEG, PNG): size to be legible, exposure, sharpness";
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of("image/*");
    }

    @Override
    public MediaReport validate(MediaFile file) throws IOException {
        PictureValidatorConfig limits = config;
        BufferedImage image;
        try (ImageInputStream in = ImageIO.createImageInputStream(file.path().toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return refused("unsupported-picture", "The picture (" + file.mediaType() + ") cannot be read. "
                        + CONVERT);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > limits.maxPixels()) {
                    return refused("picture-size", "The picture has " + pixels + " pixels, more than the "
                            + limits.maxPixels() + " a page shows. Scale it down.");
                }
                image = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return refused("unsupported-picture", "The picture cannot be read (" + e.getMessage() + "). " + CONVERT);
        }
        return check(image, limits);
    }

    private static MediaReport check(BufferedImage image, PictureValidatorConfig limits) {
        LumaPlane luma = luma(image);
        Map<String, String> measures = new LinkedHashMap<>();
        measures.put("resolution", image.getWidth() + "x" + image.getHeight());
        measures.put("brightness", String.format(Locale.ROOT, "%.1f", luma.mean()));
        measures.put("sharpness", String.format(Locale.ROOT, "%.4f", luma.sharpness()));
        List<Finding> findings = new ArrayList<>();
        int shortSide = Math.min(image.getWidth(), image.getHeight());
        String size = "The picture is " + image.getWidth() + "×" + image.getHeight() + "; ";
        if (shortSide < limits.minShortSide()) {
            findings.add(Finding.blocking("resolution", size + "on a screen its text and details cannot be read "
                    + "below " + limits.minShortSide() + " pixels on the shorter side."));
        } else if (shortSide < limits.recommendedShortSide()) {
            findings.add(Finding.warning("resolution", size + limits.recommendedShortSide() + " pixels on the "
                    + "shorter side are recommended."));
        }
        // a white page or a dark screenshot is meant to look so: exposure warns, the reviewer judges
        if (luma.mean() < limits.minBrightness()) {
            findings.add(Finding.warning("too-dark", String.format(Locale.ROOT, "The picture looks too dark (mean "
                    + "brightness %.0f of 255).", luma.mean())));
        } else if (luma.mean() > limits.maxBrightness() || luma.shareAtLeast(BLOWN) * 100 > limits.maxBlownPercent()) {
            findings.add(Finding.warning("too-bright", "The picture looks too bright (overexposed)."));
        }
        if (luma.sharpness() < limits.recommendedSharpness()) {
            findings.add(Finding.warning("blurred", "The picture is not sharp."));
        }
        return new MediaReport(null, measures, findings);
    }

    private static LumaPlane luma(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] rgb = image.getRGB(0, 0, width, height, null, 0, width);
        int[] values = new int[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            int alpha = (rgb[i] >>> 24) & 0xff;
            int r = (rgb[i] >> 16) & 0xff;
            int g = (rgb[i] >> 8) & 0xff;
            int b = rgb[i] & 0xff;
            int luma = (299 * r + 587 * g + 114 * b + 500) / 1000;
            // a transparent background shows on a white page
            values[i] = (luma * alpha + 255 * (255 - alpha) + 127) / 255;
        }
        return new LumaPlane(width, height, values);
    }

    private static MediaReport refused(String code, String message) {
        return new MediaReport(null, Map.of(), List.of(Finding.blocking(code, message)));
    }
}
