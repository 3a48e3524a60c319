package cn.anxun.validator.mp4.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.Test;

import cn.anxun.api.media.Finding;
import cn.anxun.api.media.MediaFile;
import cn.anxun.api.media.MediaReport;

/** The validator on the test media made by ffmpeg, each file breaking one rule. */
public class Mp4ValidatorTest {

    private final Mp4Validator validator = new Mp4Validator(defaults());

    @Test
    public void aGoodVideoPassesWithItsDuration() throws Exception {
        MediaReport report = validate("good-720p.mp4");
        assertEquals(List.of(), report.findings());
        assertEquals(10_000, report.duration().toMillis());
        assertEquals("1280x720", report.measures().get("resolution"));
        assertEquals("0", report.measures().get("soundOffsetMillis"));
    }

    @Test
    public void eachDefectIsFoundAndBlocks() throws Exception {
        assertBlocking("dropped-frames.mp4", "dropped-frames");
        assertBlocking("audio-late.mp4", "sound-late");
        assertBlocking("low-resolution.mp4", "resolution");
        assertBlocking("blurred.mp4", "blurred");
        assertBlocking("shaky.mp4", "shaky");
    }

    @Test
    public void theSoundIsLateByWhatTheEditListSays() throws Exception {
        long offset = Long.parseLong(validate("audio-late.mp4").measures().get("soundOffsetMillis"));
        assertTrue("500 ms give or take an AAC frame: " + offset, Math.abs(offset - 500) <= 21);
    }

    @Test
    public void anotherCodecIsAFindingNotACrash() throws Exception {
        MediaReport hevc = validate("hevc.mp4");
        assertEquals("unsupported-codec", hevc.findings().get(0).code());
        assertTrue(hevc.findings().get(0).message().contains("H.264"));
        MediaReport notMp4 = validator.validate(new MediaFile(media("vp9.webm"), "video/mp4", 0));
        assertEquals(Finding.Severity.BLOCKING, notMp4.findings().get(0).severity());
    }

    private void assertBlocking(String file, String code) throws Exception {
        MediaReport report = validate(file);
        System.out.println(file + ": " + report.measures() + " " + report.findings().stream().map(Finding::code)
                .collect(Collectors.toList()));
        assertTrue(file + " has " + report.findings(), report.findings().stream().anyMatch(
                f -> f.code().equals(code) && f.severity() == Finding.Severity.BLOCKING));
    }

    private MediaReport validate(String name) throws Exception {
        Path file = media(name);
        return validator.validate(new MediaFile(file, "video/mp4", Files.size(file)));
    }

    private static Path media(String name) {
        return Path.of(System.getProperty("anxun.media"), name);
    }

    public static Mp4ValidatorConfig defaults() {
        return new Mp4ValidatorConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return Mp4ValidatorConfig.class;
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
            public double minFrameRate() {
                return 20;
            }

            @Override
            public double maxMissingFramesPercent() {
                return 0.5;
            }

            @Override
            public int maxFrameGapMillis() {
                return 250;
            }

            @Override
            public int maxSoundLateMillis() {
                return 60;
            }

            @Override
            public int maxSoundEarlyMillis() {
                return 40;
            }

            @Override
            public int maxLengthDifferenceMillis() {
                return 1000;
            }

            @Override
            public double minSharpness() {
                return 0.01;
            }

            @Override
            public double recommendedSharpness() {
                return 0.025;
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
            public double maxShakePercent() {
                return 0.5;
            }

            @Override
            public double sampleEverySeconds() {
                return 10;
            }

            @Override
            public int framesPerSample() {
                return 6;
            }
        };
    }
}
