package cn.anxun.validator.audio.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Test;

import cn.anxun.api.media.Finding;
import cn.anxun.api.media.MediaFile;
import cn.anxun.api.media.MediaReport;

/** The validator on the test media made by ffmpeg. */
public class AudioValidatorTest {

    private final AudioValidator validator = new AudioValidator(new AudioValidatorConfig() {
        @Override
        public Class<? extends Annotation> annotationType() {
            return AudioValidatorConfig.class;
        }

        @Override
        public double maxClippedPercent() {
            return 2;
        }

        @Override
        public double recommendedClippedPercent() {
            return 0.5;
        }

        @Override
        public double minLevelDb() {
            return -35;
        }

        @Override
        public double recommendedLevelDb() {
            return -30;
        }

        @Override
        public double longestSilenceSeconds() {
            return 3;
        }
    });

    @Test
    public void aClearToneInEveryFormatPasses() throws Exception {
        for (String[] file : new String[][] {{"tone.m4a", "audio/mp4"}, {"tone.mp3", "audio/mpeg"},
            {"tone.wav", "audio/vnd.wave"}, {"good-720p.mp4", "video/mp4"}}) {
            MediaReport report = validate(file[0], file[1]);
            System.out.println(file[0] + ": " + report.measures());
            assertEquals(file[0], List.of(), report.findings());
            assertEquals(file[0], 10.0, report.duration().toMillis() / 1000.0, 0.06);
            assertEquals(file[0], -21.0, Double.parseDouble(report.measures().get("levelDb")), 1.0);
        }
    }

    @Test
    public void clippedSoundBlocks() throws Exception {
        assertBlocking(validate("clipped.mp4", "video/mp4"), "clipping");
        assertBlocking(validate("clipped.mp3", "audio/mpeg"), "clipping");
    }

    @Test
    public void tooQuietSoundBlocks() throws Exception {
        assertBlocking(validate("quiet.mp4", "video/mp4"), "too-quiet");
        assertBlocking(validate("quiet.wav", "audio/vnd.wave"), "too-quiet");
    }

    @Test
    public void aLongSilenceIsPointedOutWhereItIs() throws Exception {
        MediaReport gap = validate("gap.wav", "audio/vnd.wave");
        Finding silence = gap.findings().get(0);
        assertEquals("long-silence", silence.code());
        assertEquals(Finding.Severity.WARNING, silence.severity());
        assertEquals(3.0, silence.offset().toMillis() / 1000.0, 0.06);
        double seconds = Double.parseDouble(silence.message().substring(0, silence.message().indexOf(' ')));
        assertEquals("the five seconds ffmpeg silenced, to its audio frames", 5.0, seconds, 0.15);
    }

    @Test
    public void noiseSubstitutedBandsKeepTheirLevel() throws Exception {
        // bands sent as perceptual noise substitution (PNS) are refilled with noise of their energy, as ffmpeg does
        MediaReport substituted = validate("noise-pns.m4a", "audio/mp4");
        MediaReport reference = validate("noise-pns.wav", "audio/vnd.wave");
        System.out.println("noise-pns.m4a: " + substituted.measures() + ", decoded by ffmpeg: " + reference.measures());
        assertEquals(Double.parseDouble(reference.measures().get("levelDb")),
                Double.parseDouble(substituted.measures().get("levelDb")), 0.3);
    }

    @Test
    public void soundOfAnotherCodecIsAFinding() throws Exception {
        assertBlocking(validate("good-720p.mp4", "audio/mpeg"), "unsupported-sound");
    }

    private static void assertBlocking(MediaReport report, String code) {
        System.out.println(report.measures() + " " + report.findings());
        assertTrue(report.findings().toString(), report.findings().stream().anyMatch(f -> f.code().equals(code)
                && f.severity() == Finding.Severity.BLOCKING));
    }

    private MediaReport validate(String name, String type) throws Exception {
        Path file = Path.of(System.getProperty("anxun.media"), name);
        return validator.validate(new MediaFile(file, type, Files.size(file)));
    }
}
