package cn.anxun.itests;

import static cn.anxun.itests.Problems.assertProblem;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.junit.Before;
import org.junit.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

/** Face checks against the running distribution with the embedded provider, on real photographs. */
public class FaceIT extends SharedPlatformTestSupport {

    @Inject
    private FeaturesService features;

    @Inject
    private ConfigurationAdmin configurations;

    private Identity identity;
    private Identity.Account operator;
    /** Captures made so far, each a file of its own: the same file twice is a replay. */
    private int captures;

    @Before
    public void guangzhouInstalled() throws Exception {
        Identity.cityInstalled(bundleContext, http, "guangzhou", "440100");
        identity = new Identity(http);
    }

    @Test
    public void aReferencePhotoMustShowOneUsableFace() {
        for (Map.Entry<String, String> refused : Map.of(Photos.NO_FACE, "face-no-face",
                Photos.TWO_PEOPLE, "face-multiple-faces").entrySet()) {
            ObjectNode registration = Identity.registration(IdNumbers.next(), null);
            registration.put("facePhoto", Base64.getEncoder().encodeToString(Photos.of(refused.getKey())));
            JsonNode problem = assertProblem(http.post("/api/v1/learners", registration.toString()), 422,
                    "invalid-input");
            assertEquals(refused.getKey(), "facePhoto", problem.at("/errors/0/field").asText());
            assertEquals(refused.getKey(), refused.getValue(), problem.at("/errors/0/rule").asText());
        }
    }

    @Test
    public void theSamePersonPassesAndAnotherDoesNot() {
        Identity.Account learner = identity.learner(Identity.registration(IdNumbers.next(), null));
        JsonNode same = check(learner, learner.id(), Photos.CAGE_AGAIN).json();
        assertEquals(same.toString(), "MATCH", same.get("decision").asText());
        assertTrue(same.get("reason").isNull());
        assertTrue("the learner does not see the score", same.get("score").isNull() && same.get("threshold").isNull());
        JsonNode supervised = latestCheck(learner);
        assertEquals("opencv", supervised.get("provider").asText());
        assertTrue(supervised.toString(), supervised.get("score").asDouble() >= supervised.get("threshold").asDouble());

        JsonNode other = check(learner, learner.id(), Photos.BIEBER).json();
        assertEquals(other.toString(), "MISMATCH", other.get("decision").asText());
        assertEquals("MISMATCH", other.get("reason").asText());
        JsonNode group = check(learner, learner.id(), Photos.TWO_PEOPLE).json();
        assertEquals("UNDECIDED", group.get("decision").asText());
        assertEquals("MULTIPLE_FACES", group.get("reason").asText());

        Identity.Account stranger = identity.learner(Identity.registration(IdNumbers.next(), null));
        assertProblem(check(stranger, learner.id(), Photos.CAGE_AGAIN), 403, "forbidden");
        assertProblem(learner.http().raw("POST", "/api/v1/learners/" + learner.id() + "/face-checks", "image/png",
                HttpRequest.BodyPublishers.ofByteArray(Photos.of(Photos.CAGE_AGAIN))), 400, "invalid-parameter");
        // copies of the reference photo and of the earlier capture: as files, and shifted and encoded again
        List<byte[]> copies = List.of(Photos.of(Photos.CAGE_AGAIN), Photos.of(Photos.CAGE),
                Photos.variant(Photos.CAGE_AGAIN, 1), Photos.variant(Photos.CAGE, 2));
        for (byte[] copy : copies) {
            JsonNode replayed = Photos.post(learner.http(), "/api/v1/learners/" + learner.id()
                    + "/face-checks?purpose=TRIAL", copy).json();
            assertEquals(replayed.toString(), "SUSPECTED_REPLAY", replayed.get("reason").asText());
            assertEquals("MISMATCH", replayed.get("decision").asText());
        }
        assertEquals(7, learner.http().get("/api/v1/learners/" + learner.id() + "/face-checks").json().size());
        Identity.Account auditor = identity.staff("AUDITOR", null, null);
        assertEquals(4, Identity.audit(auditor, "action=face-check.suspected-replay&target=learner:"
                + learner.id()).size());
    }

    @Test
    public void capturesAreSealedAndReadBySupervisorsOnlyAudited() throws Exception {
        Identity.Account learner = identity.learner(Identity.registration(IdNumbers.next(), null));
        String capture = check(learner, learner.id(), Photos.CAGE_AGAIN).json().get("id").asText();
        Identity.Account operator = identity.staff("OPERATOR", null, null);
        Http.Reply read = operator.http().get("/api/v1/face-checks/" + capture + "/capture");
        assertEquals(200, read.status());
        assertArrayEquals(Photos.of(Photos.CAGE_AGAIN), read.bytes());
        assertEquals("no-store", read.header("Cache-Control").orElseThrow());
        Identity.Account other = identity.staff("CITY_REGULATOR", "440300", null);
        assertProblem(other.http().get("/api/v1/face-checks/" + capture + "/capture"), 403, "forbidden");
        assertProblem(other.http().get("/api/v1/learners/" + learner.id() + "/face-checks"), 403, "forbidden");

        byte[] files = DatabaseFiles.read(database());
        byte[] bytes = Photos.of(Photos.CAGE_AGAIN);
        for (int offset : new int[] {64, bytes.length / 2, bytes.length - 96}) {
            assertEquals("capture bytes at " + offset + " are sealed", -1,
                    DatabaseFiles.indexOf(files, Arrays.copyOfRange(bytes, offset, offset + 32)));
        }
        Identity.Account auditor = identity.staff("AUDITOR", null, null);
        assertEquals(1, Identity.audit(auditor, "action=face-capture.read&actor=" + operator.id()).size());
        assertEquals(1, Identity.audit(auditor, "action=face-capture.read&actor=" + other.id()).size());
    }

    @Test
    public void staffReEnrolALearnerWithAPhotoThatPassesTheSameCheck() {
        Identity.Account learner = identity.learner(Identity.registration(IdNumbers.next(), null));
        Identity.Account operator = identity.staff("OPERATOR", null, null);
        String photo = "/api/v1/learners/" + learner.id() + "/face-photo";
        JsonNode refused = assertProblem(put(operator, photo, Photos.TWO_PEOPLE), 422, "invalid-input");
        assertEquals("face-multiple-faces", refused.at("/errors/0/rule").asText());
        assertProblem(put(learner, photo, Photos.CONNERY), 403, "forbidden");
        assertEquals(204, put(operator, photo, Photos.CONNERY).status());
        assertEquals("MATCH", check(learner, learner.id(), Photos.CONNERY_AGAIN).json().get("decision").asText());
        assertEquals("MISMATCH", check(learner, learner.id(), Photos.CAGE_AGAIN).json().get("decision").asText());
        Identity.Account auditor = identity.staff("AUDITOR", null, null);
        assertEquals(1, Identity.audit(auditor, "action=face-photo.replaced&target=learner:" + learner.id()).size());
    }

    @Test
    public void aMissingProviderIsStoodInForAndNeverFailsACheck() throws IOException {
        Identity.Account learner = identity.learner(Identity.registration(IdNumbers.next(), null));
        try {
            configureFace(Map.of("provider", "opencv", "threshold", "0.99"));
            awaitCheck(learner, "the configured threshold", "opencv", "MISMATCH", 0.99);
            configureFace(Map.of("provider", "vendor-not-installed", "threshold", "0.99"));
            awaitCheck(learner, "the fallback with its own threshold", "opencv", "MATCH", 0.42);
            configureFace(Map.of("provider", "vendor-not-installed", "fallbackProvider", "also-missing"));
            JsonNode none = awaitCheck(learner, "no provider at all", null, "UNDECIDED", 0);
            assertEquals("PROVIDER_UNAVAILABLE", none.get("reason").asText());
        } finally {
            configureFace(Map.of());
        }
    }

    @Test
    public void aVendorsProviderIsInstalledChosenAndRemovedWhileChecksGoOn() throws Exception {
        Identity.Account learner = identity.learner(Identity.registration(IdNumbers.next(), null));
        try (VendorService vendor = new VendorService()) {
            features.installFeature("anxun-face-tencent", EnumSet.noneOf(FeaturesService.Option.class));
            configure("cn.anxun.face.tencent", Map.of("endpoint", vendor.endpoint(), "secretId", "AKIDexample",
                    "secretKey", "exampleSecretKey"));
            configureFace(Map.of("provider", "tencent-iai"));
            JsonNode answered = awaitCheck(learner, "the vendor's answer", "tencent-iai", "MATCH", 50);
            assertEquals(93.5, answered.get("score").asDouble(), 0);
            assertTrue(vendor.authorizations.stream().allMatch(header ->
                    header.startsWith("TC3-HMAC-SHA256 Credential=AKIDexample/")));
            assertTrue(vendor.actions.containsAll(List.of("DetectFace", "CompareFace")));

            features.uninstallFeature("anxun-face-tencent");
            awaitCheck(learner, "the embedded provider in its place", "opencv", "MATCH", 0.42);
        } finally {
            configureFace(Map.of());
            if (features.isInstalled(features.getFeature("anxun-face-tencent"))) {
                features.uninstallFeature("anxun-face-tencent");
            }
        }
    }

    /** Checks until one answers as expected, so that a configuration change has reached the platform. */
    private JsonNode awaitCheck(Identity.Account learner, String what, String provider, String decision,
            double threshold) {
        JsonNode[] last = new JsonNode[1];
        Eventually.await(what, Duration.ofSeconds(30), () -> {
            Http.Reply reply = Photos.post(learner.http(), "/api/v1/learners/" + learner.id()
                    + "/face-checks?purpose=TRIAL", Photos.variant(Photos.CAGE_AGAIN, captures++));
            assertEquals(reply.body(), 201, reply.status());
            last[0] = latestCheck(learner);
            return last[0].get("decision").asText().equals(decision)
                    && last[0].get("threshold").asDouble() == threshold
                    && (provider == null ? last[0].get("provider").isNull()
                            : provider.equals(last[0].get("provider").asText()));
        });
        return last[0];
    }

    /** The learner's newest check as a supervisor sees it, with its score and threshold. */
    private JsonNode latestCheck(Identity.Account learner) {
        if (operator == null) {
            operator = identity.staff("OPERATOR", null, null);
        }
        return operator.http().get("/api/v1/learners/" + learner.id() + "/face-checks").json().get(0);
    }

    /**
     * Replaces the face configuration's provider settings, the others at their defaults; with settings, the replay
     * similarity is raised too: those checks are shifted copies of one photo (0.989 to 0.997 alike), not replays
     * under test. Without settings, everything is as shipped.
     */
    private void configureFace(Map<String, String> settings) throws IOException {
        Map<String, String> all = new HashMap<>(Map.of("provider", "opencv", "fallbackProvider", "opencv"));
        if (!settings.isEmpty()) {
            all.put("replaySimilarity", "0.999");
        }
        all.putAll(settings);
        configure("cn.anxun.face", all);
    }

    private void configure(String pid, Map<String, String> settings) throws IOException {
        Configuration configuration = configurations.getConfiguration(pid, null);
        configuration.update(new Hashtable<>(settings));
    }

    /**
     * Stands in for Tencent Cloud Face Recognition: it answers DetectFace with one face and CompareFace with a score,
     * in the documented shape, and notes what it was asked.
     */
    private static final class VendorService implements AutoCloseable {

        final List<String> actions = new CopyOnWriteArrayList<>();
        final List<String> authorizations = new CopyOnWriteArrayList<>();
        private final HttpServer server;

        VendorService() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                String action = exchange.getRequestHeaders().getFirst("X-TC-Action");
                actions.add(action);
                authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
                String fields = "DetectFace".equals(action)
                        ? "\"FaceInfos\": [{\"X\": 40, \"Y\": 60, \"Width\": 200, \"Height\": 260, \"FaceQualityInfo\": "
                                + "{\"Score\": 90, \"Sharpness\": 95, \"Brightness\": 60}}]"
                        : "\"Score\": 93.5, \"FaceModelVersion\": \"3.0\"";
                byte[] answer = ("{\"Response\": {" + fields + ", \"RequestId\": \"it\"}}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            });
            server.start();
        }

        String endpoint() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static Http.Reply check(Identity.Account account, String learnerId, String photo) {
        return Photos.post(account.http(), "/api/v1/learners/" + learnerId + "/face-checks?purpose=TRIAL", photo);
    }

    private static Http.Reply put(Identity.Account account, String path, String photo) {
        return account.http().raw("PUT", path, photo.endsWith(".png") ? "image/png" : "image/jpeg",
                HttpRequest.BodyPublishers.ofByteArray(Photos.of(photo)));
    }
}
