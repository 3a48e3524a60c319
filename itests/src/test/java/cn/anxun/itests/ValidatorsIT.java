package cn.anxun.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;

import cn.anxun.api.media.MediaFile;
import cn.anxun.api.media.MediaReport;
import cn.anxun.api.media.MediaValidator;

/** The default course-format validators on real media, in the background of the running platform. */
public class ValidatorsIT extends SharedPlatformTestSupport {

    private static final Duration SHORT = Duration.ofSeconds(60);

    @Inject
    private ConfigurationAdmin configurations;

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

    @Test
    public void aValidatorThatHangsOrRunsOutOfMemoryIsParkedWithItsReasonAndTheOthersGoOn() throws Exception {
        Http staff = identity.staff("INSTITUTION_STAFF", null, "inst-valid-4").http();
        Configuration media = configurations.getConfiguration("cn.anxun.media", null);
        Dictionary<String, Object> settings = media.getProperties();
        Hashtable<String, Object> shipped = settings == null ? new Hashtable<>() : copyOf(settings);
        Hashtable<String, Object> limits = new Hashtable<>(shipped);
        limits.put("validationSeconds", 2);
        limits.put("validationAttempts", 2);
        configureValidations(media, limits);
        AtomicBoolean release = new AtomicBoolean();
        List<ServiceRegistration<MediaValidator>> misbehaving = List.of(
                validator("it-hang", file -> {
                    while (!release.get()) {
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException ignored) {
                            // a validator that does not stop when asked
                        }
                    }
                    return new MediaReport(null, Map.of(), List.of());
                }),
                validator("it-oom", file -> {
                    throw new OutOfMemoryError("Java heap space (thrown by the test)");
                }));
        String pngId;
        try {
            pngId = MediaFiles.upload(staff, "inst-valid-4", MediaFiles.PICTURE, MediaFiles.of(MediaFiles.PICTURE))
                    .get("id").asText();
            JsonNode parked = MediaFiles.validated(staff, pngId, SHORT);
            Map<String, JsonNode> runs = new HashMap<>();
            parked.get("runs").forEach(run -> runs.put(run.get("validator").asText(), run));
            assertEquals(parked.toString(), "DONE", runs.get("picture").get("status").asText());
            assertEquals(parked.toString(), "PARKED", runs.get("it-hang").get("status").asText());
            assertEquals(parked.toString(), "PARKED", runs.get("it-oom").get("status").asText());
            assertTrue(runs.get("it-hang").get("findings").toString().contains("did not finish within 2 s"));
            assertTrue(runs.get("it-oom").get("findings").toString().contains("OutOfMemoryError"));
            assertTrue(blocking(parked).contains("validator-parked"));

            JsonNode jobs = identity.staff("OPERATOR", null, null).http().get("/api/v1/jobs").json();
            List<String> parkedHere = new ArrayList<>();
            jobs.get("parked").forEach(run -> {
                if (pngId.equals(run.get("mediaId").asText())) {
                    parkedHere.add(run.get("validator").asText());
                }
            });
            assertEquals(jobs.toString(), Set.of("it-hang", "it-oom"), new TreeSet<>(parkedHere));
            assertTrue("the hanging run's thread is reported abandoned: " + jobs, jobs.get("scheduled").toString()
                    .contains("ABANDONED"));

            // the shipped limits again, so that the real validators' time is not at stake: the places the hanging
            // runs held serve the next file while their threads still hang
            configureValidations(media, shipped);
            JsonNode video = validated(staff, "inst-valid-4", MediaFiles.GOOD);
            assertEquals("the other validators go on: " + video, 0, video.get("findings").size());
        } finally {
            release.set(true);
            misbehaving.forEach(ServiceRegistration::unregister);
            configureValidations(media, shipped);
        }
        // validating the file again queues the installed validators, audited with the queuing
        Http.Reply again = staff.post("/api/v1/media/" + pngId + "/validation", "");
        assertEquals(again.body(), 2, again.status() / 100);
        assertEquals(1, Identity.audit(identity.staff("AUDITOR", null, null), "target=media:" + pngId
                + "&action=media.revalidated").size());
    }

    /** Sets the media limits and waits until the validation queue runs with them. */
    private void configureValidations(Configuration media, Hashtable<String, Object> limits) throws IOException {
        media.update(limits);
        Object seconds = limits.get("validationSeconds");
        awaitConfigured("cn.anxun.media", "cn.anxun.media.internal.ValidationQueue",
                "validations limited to " + (seconds == null ? "the default" : seconds + " s"),
                properties -> String.valueOf(seconds).equals(String.valueOf(properties.get("validationSeconds"))));
    }

    private ServiceRegistration<MediaValidator> validator(String id, Reading reading) {
        return bundleContext.registerService(MediaValidator.class, new MediaValidator() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String label() {
                return "a test validator that misbehaves on every picture";
            }

            @Override
            public Set<String> mediaTypes() {
                return Set.of("image/png");
            }

            @Override
            public MediaReport validate(MediaFile file) {
                return reading.read(file);
            }
        }, null);
    }

    /** What a test validator does with a file. */
    private interface Reading {
        MediaReport read(MediaFile file);
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
