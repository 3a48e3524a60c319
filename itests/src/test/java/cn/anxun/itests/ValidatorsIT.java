package cn.anxun.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.Bundle;

import com.fasterxml.jackson.databind.JsonNode;

/** The default course-format validators on real media, in the background of the running platform. */
public class ValidatorsIT extends AnxunTestSupport {

    private static final Duration SHORT = Duration.ofSeconds(60);

    private Identity identity;

    @Before
    public void identity() {
        identity = new Identity(http);
    }

    @Test
    public void eachDefectIsFoundAndBlocksAndTheGoodVideoPasses() {
        Http staff = identity.staff("INSTITUTION_STAFF", null, "inst-valid-1").http();
        JsonNode good = validated(staff, "inst-valid-1", MediaFiles.GOOD);
        assertEquals(good.toString(), 0, good.get("findings").size());
        assertEquals("measured by both validators that read MP4", Set.of("audio", "mp4"), validators(good));
        assertEquals(10.0, seconds(good.get("duration")), 0.05);

        Map<String, String> defects = Map.of("dropped-frames.mp4", "dropped-frames", "audio-late.mp4", "sound-late",
                "clipped.mp4", "clipping", "quiet.mp4", "too-quiet", "low-resolution.mp4", "resolution",
                "blurred.mp4", "blurred", "shaky.mp4", "shaky", "hevc.mp4", "unsupported-codec",
                MediaFiles.WEBM, "no-validator");
        defects.forEach((file, code) -> {
            JsonNode validation = validated(staff, "inst-valid-1", file);
            assertTrue(file + ": " + validation.get("findings"), blocking(validation).contains(code));
        });
    }

    @Test
    public void aTenMinuteVideoIsValidatedInTheBackgroundWhileTheApiAnswers() {
        Http staff = identity.staff("INSTITUTION_ADMIN", null, "inst-valid-2").http();
        JsonNode media = MediaFiles.upload(staff, "inst-valid-2", MediaFiles.TEN_MINUTES,
                MediaFiles.of(MediaFiles.TEN_MINUTES));
        String validation = "/api/v1/media/" + media.get("id").asText() + "/validation";
        List<Long> latencies = new ArrayList<>();
        while ("PENDING".equals(staff.get(validation).json().get("state").asText())) {
            long start = System.nanoTime();
            assertEquals(200, http.get("/api/v1/programmes").status());
            assertEquals(200, staff.get("/api/v1/institutions/inst-valid-2/media").status());
            latencies.add((System.nanoTime() - start) / 1_000_000);
        }
        assertTrue("the API was asked while the validation ran", latencies.size() >= 3);
        JsonNode done = MediaFiles.validated(staff, media.get("id").asText(), SHORT);
        // the longest a validator measured: the sound of the 60 joined copies keeps each copy's encoder priming
        assertEquals(600.0, seconds(done.get("duration")), 2.0);
        for (JsonNode run : done.get("runs")) {
            System.out.println("validator " + run.get("validator").asText() + " read 10 minutes of 720p video in "
                    + Duration.between(Instant.parse(run.get("queuedAt").asText()), Instant.parse(
                            run.get("finishedAt").asText())).toMillis() + " ms (from queued to done): "
                    + run.get("measures"));
        }
        latencies.sort(null);
        System.out.println(latencies.size() + " pairs of API requests while validating: median "
                + latencies.get(latencies.size() / 2) + " ms, max " + latencies.get(latencies.size() - 1) + " ms");
        assertEquals(done.get("findings").toString(), 0, done.get("findings").size());
    }

    @Test
    public void aValidatorThatArrivesLaterReadsWhatWasUploadedWithoutIt() throws Exception {
        Http staff = identity.staff("INSTITUTION_STAFF", null, "inst-valid-3").http();
        Bundle pictures = Arrays.stream(bundleContext.getBundles())
                .filter(b -> "cn.anxun.validator.picture".equals(b.getSymbolicName())).findFirst().orElseThrow();
        pictures.stop();
        try {
            JsonNode without = validated(staff, "inst-valid-3", MediaFiles.PICTURE);
            assertEquals(Set.of("no-validator"), blocking(without));
            pictures.start();
            String media = without.get("mediaId").asText();
            Eventually.await("the picture validator read the picture uploaded without it", SHORT,
                    () -> validators(staff.get("/api/v1/media/" + media + "/validation").json())
                            .contains("picture"));
            JsonNode with = MediaFiles.validated(staff, media, SHORT);
            assertEquals(with.toString(), 0, with.get("findings").size());
        } finally {
            pictures.start();
        }
    }

    private static JsonNode validated(Http staff, String institution, String file) {
        JsonNode media = MediaFiles.upload(staff, institution, file, MediaFiles.of(file));
        return MediaFiles.validated(staff, media.get("id").asText(), SHORT);
    }

    private static Set<String> blocking(JsonNode validation) {
        Set<String> codes = new TreeSet<>();
        validation.get("findings").forEach(f -> {
            if ("BLOCKING".equals(f.get("severity").asText())) {
                codes.add(f.get("code").asText());
            }
        });
        return codes;
    }

    private static Set<String> validators(JsonNode validation) {
        Set<String> ids = new TreeSet<>();
        validation.get("runs").forEach(run -> ids.add(run.get("validator").asText()));
        return ids;
    }

    private static double seconds(JsonNode duration) {
        return duration.isNumber() ? duration.asDouble() : Duration.parse(duration.asText()).toMillis() / 1000.0;
    }
}
