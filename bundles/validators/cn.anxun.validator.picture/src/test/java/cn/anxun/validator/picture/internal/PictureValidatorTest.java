package cn.anxun.validator.picture.internal;

import static org.junit.Assert.assertEquals;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Test;

import cn.anxun.api.media.Finding;
import cn.anxun.api.media.MediaFile;
import cn.anxun.api.media.MediaReport;

public class PictureValidatorTest {

    private final PictureValidator validator = new PictureValidator(new PictureValidatorConfig() {
        @Override
        public Class<? extends Annotation> annotationType() {
            return PictureValidatorConfig.class;
        }

        @Override
        public int minShortSide() {
            return 480;
        }

        @Override
        public int recommendedShortSide() {
            return 720;
        }

        @Override
        public long maxPixels() {
            return 40_000_000;
        }

        @Override
        public double minBrightness() {
            return 50;
        }

        @Override
        public double maxBrightness() {
            return 205;
        }

        @Override
        public double maxBlownPercent() {
            return 30;
        }

        @Override
        public double recommendedSharpness() {
            return 0.01;
        }
    });

    @Test
    public void clearPicturesPass() throws Exception {
        assertEquals(List.of(), validate("picture.png", "image/png").findings());
        assertEquals(List.of(), validate("picture.jpg", "image/jpeg").findings());
    }

    @Test
    public void smallPicturesBlockAndDarkOnesWarn() throws Exception {
        assertEquals(List.of("resolution"), blocking(validate("small-picture.png", "image/png")));
        MediaReport dark = validate("dark-picture.jpg", "image/jpeg");
        assertEquals(List.of(), blocking(dark));
        assertEquals("too-dark", dark.findings().get(0).code());
    }

    @Test
    public void whatIsNotAPictureIsAFinding() throws Exception {
        assertEquals(List.of("unsupported-picture"), blocking(validate("tone.wav", "image/png")));
    }

    private static List<String> blocking(MediaReport report) {
        System.out.println(report.measures() + " " + report.findings());
        return report.findings().stream().filter(f -> f.severity() == Finding.Severity.BLOCKING)
                .map(Finding::code).toList();
    }

    private MediaReport validate(String name, String type) throws Exception {
        Path file = Path.of(System.getProperty("anxun.media"), name);
        return validator.validate(new MediaFile(file, type, Files.size(file)));
    }
}
