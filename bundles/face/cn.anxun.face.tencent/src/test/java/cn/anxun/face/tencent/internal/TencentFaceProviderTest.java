package cn.anxun.face.tencent.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import cn.anxun.api.face.FaceComparison;
import cn.anxun.api.face.FaceDetection;
import cn.anxun.api.face.FaceReason;

/** The provider against a local server that speaks the documented protocol. */
public class TencentFaceProviderTest {

    private static final byte[] IMAGE = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 1, 2, 3};
    private static final String ONE_FACE = "\"FaceInfos\": [{\"X\": 10, \"Y\": 20, \"Width\": 120, \"Height\": 150, "
            + "\"FaceQualityInfo\": {\"Score\": 88, \"Sharpness\": 90, \"Brightness\": 55, \"Completeness\": {}}}], "
            + "\"ImageWidth\": 640, \"ImageHeight\": 480, \"FaceModelVersion\": \"3.0\"";

    private FakeIai iai;

    @Before
    public void start() throws IOException {
        iai = new FakeIai();
        iai.answer("DetectFace", ONE_FACE);
    }

    @After
    public void stop() {
        iai.close();
    }

    @Test
    public void aScoreAtOrAboveTheThresholdMatches() {
        iai.answer("CompareFace", "\"Score\": 92.5, \"FaceModelVersion\": \"3.0\"");
        FaceComparison match = provider(FakeIai.SECRET_KEY, 5000).compare(IMAGE, IMAGE, 50);
        assertEquals(FaceComparison.Decision.MATCH, match.decision());
        assertEquals(92.5, match.score(), 0);
        iai.answer("CompareFace", "\"Score\": 31.0, \"FaceModelVersion\": \"3.0\"");
        assertEquals(FaceReason.MISMATCH, provider(FakeIai.SECRET_KEY, 5000).compare(IMAGE, IMAGE, 50).reason());
        assertEquals("3.0", iai.requests().get(1).get("FaceModelVersion").asText());
        assertEquals(2, iai.requests().get(1).get("QualityControl").asInt());
    }

    @Test
    public void facesAndTheirQualityAreRead() {
        FaceDetection one = provider(FakeIai.SECRET_KEY, 5000).detect(IMAGE);
        assertEquals(null, one.problem());
        assertEquals(120, one.faces().get(0).width());
        assertEquals(0.88, one.faces().get(0).quality(), 1e-9);
        iai.answer("DetectFace", ONE_FACE.replace("\"Sharpness\": 90", "\"Sharpness\": 40"));
        assertEquals(FaceReason.FACE_BLURRED, provider(FakeIai.SECRET_KEY, 5000).detect(IMAGE).problem());
        iai.answer("DetectFace", ONE_FACE.replace("\"Brightness\": 55", "\"Brightness\": 10"));
        assertEquals(FaceReason.FACE_TOO_DARK, provider(FakeIai.SECRET_KEY, 5000).detect(IMAGE).problem());
        iai.answer("DetectFace", ONE_FACE.replace("}}]", "}}, {\"X\": 300, \"Y\": 20, \"Width\": 100, \"Height\": "
                + "130, \"FaceQualityInfo\": {\"Score\": 80, \"Sharpness\": 90, \"Brightness\": 50}}]"));
        assertEquals(FaceReason.MULTIPLE_FACES, provider(FakeIai.SECRET_KEY, 5000).detect(IMAGE).problem());
        assertEquals("a second face in the capture stops the comparison", FaceReason.MULTIPLE_FACES,
                provider(FakeIai.SECRET_KEY, 5000).compare(IMAGE, IMAGE, 50).reason());
    }

    @Test
    public void refusalsMeanWhatTheDocumentationSays() {
        Map<String, FaceReason> expected = Map.of(
                "InvalidParameterValue.NoFaceInPhoto", FaceReason.NO_FACE,
                "FailedOperation.ImageFacedetectFailed", FaceReason.NO_FACE,
                "InvalidParameterValue.FaceSizeTooSmall", FaceReason.FACE_TOO_SMALL,
                "FailedOperation.ImageDecodeFailed", FaceReason.INVALID_IMAGE,
                "FailedOperation.ImageResolutionTooSmall", FaceReason.INVALID_IMAGE,
                "RequestLimitExceeded", FaceReason.PROVIDER_UNAVAILABLE,
                "ResourceUnavailable.NotExist", FaceReason.PROVIDER_UNAVAILABLE,
                "InternalError", FaceReason.PROVIDER_UNAVAILABLE);
        expected.forEach((code, reason) -> {
            iai.refuse("CompareFace", code);
            FaceComparison comparison = provider(FakeIai.SECRET_KEY, 5000).compare(IMAGE, IMAGE, 50);
            assertEquals(code, FaceComparison.Decision.UNDECIDED, comparison.decision());
            assertEquals(code, reason, comparison.reason());
        });
    }

    @Test
    public void aWrongKeyOrASlowServiceLeavesTheCheckUndecided() {
        assertEquals(FaceReason.PROVIDER_UNAVAILABLE, provider("not-the-key", 5000).detect(IMAGE).problem());
        iai.delay(Duration.ofMillis(1500));
        long started = System.nanoTime();
        assertEquals(FaceReason.PROVIDER_UNAVAILABLE, provider(FakeIai.SECRET_KEY, 300).detect(IMAGE).problem());
        assertTrue("gave up at the timeout", System.nanoTime() - started < 1_400_000_000L);
    }

    @Test
    public void anUnreachableServiceLeavesTheCheckUndecided() {
        String endpoint = iai.endpoint();
        iai.close();
        assertEquals(FaceReason.PROVIDER_UNAVAILABLE, new TencentFaceProvider(Clock.systemUTC(), config(endpoint, FakeIai.SECRET_KEY, 500))
                .compare(IMAGE, IMAGE, 50).reason());
    }

    private TencentFaceProvider provider(String secretKey, int timeoutMillis) {
        return new TencentFaceProvider(Clock.systemUTC(), config(iai.endpoint(), secretKey, timeoutMillis));
    }

    private static TencentConfig config(String endpoint, String secretKey, int timeoutMillis) {
        Map<String, Object> values = Map.of("endpoint", endpoint, "secretId", FakeIai.SECRET_ID, "secretKey",
                secretKey, "requestTimeoutMillis", timeoutMillis);
        return (TencentConfig) Proxy.newProxyInstance(TencentConfig.class.getClassLoader(),
                new Class<?>[] {TencentConfig.class},
                (proxy, method, args) -> values.getOrDefault(method.getName(), method.getDefaultValue()));
    }
}
