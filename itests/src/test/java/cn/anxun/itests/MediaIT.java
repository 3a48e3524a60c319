package cn.anxun.itests;

import static cn.anxun.itests.Problems.assertProblem;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Media uploads in chunks, their type from their bytes, and their bytes served in ranges. */
public class MediaIT extends SharedPlatformTestSupport {

    private static final int MIB = 1 << 20;

    private Identity identity;

    @Before
    public void identity() {
        identity = new Identity(http);
    }

    @Test
    public void anUploadGoesOnAfterABrokenChunkAndTheVideoIsServedInRanges() throws Exception {
        Http staff = identity.staff("INSTITUTION_STAFF", null, "inst-media-1").http();
        byte[] video = MediaFiles.of(MediaFiles.GOOD);
        String upload = MediaFiles.start(staff, "inst-media-1", "第一课.txt", video.length);

        assertEquals(MIB, MediaFiles.chunk(staff, upload, video, 0, MIB).json().get("received").asLong());
        Http.Reply broken = staff.exchange("PUT", "/api/v1/media-uploads/" + upload, Map.of("Content-Type",
                "application/octet-stream", "Content-Range", "bytes " + MIB + "-" + (2 * MIB - 1) + "/"
                        + video.length), Arrays.copyOfRange(video, MIB, MIB + 300_000));
        assertEquals("chunk-length", assertProblem(broken, 422, "invalid-input").get("errors").get(0).get("rule")
                .asText());
        assertProblem(MediaFiles.chunk(staff, upload, video, 2 * MIB, video.length), 409, "conflict");
        assertEquals("the broken chunk left nothing behind", MIB, staff.get("/api/v1/media-uploads/" + upload)
                .json().get("received").asLong());

        Http.Reply done = MediaFiles.chunk(staff, upload, video, MIB, video.length);
        assertEquals(done.body(), 201, done.status());
        JsonNode media = done.json().get("media");
        assertEquals("the type comes from the bytes, not the name", "video/mp4", media.get("mediaType").asText());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(video)),
                media.get("sha256").asText());
        String content = "/api/v1/media/" + media.get("id").asText() + "/content";

        Http.Reply whole = staff.get(content);
        assertEquals(200, whole.status());
        assertArrayEquals(video, whole.bytes());
        assertEquals("bytes", whole.header("Accept-Ranges").orElseThrow());
        Http.Reply middle = staff.exchange("GET", content, Map.of("Range", "bytes=1000-1999"), null);
        assertEquals(206, middle.status());
        assertEquals("bytes 1000-1999/" + video.length, middle.header("Content-Range").orElseThrow());
        assertArrayEquals(Arrays.copyOfRange(video, 1000, 2000), middle.bytes());
        Http.Reply tail = staff.exchange("GET", content, Map.of("Range", "bytes=-100"), null);
        assertArrayEquals(Arrays.copyOfRange(video, video.length - 100, video.length), tail.bytes());
        Http.Reply beyond = staff.exchange("GET", content, Map.of("Range", "bytes=" + video.length + "-"), null);
        assertEquals(416, beyond.status());
        assertEquals("bytes */" + video.length, beyond.header("Content-Range").orElseThrow());
        Http.Reply stale = staff.exchange("GET", content, Map.of("Range", "bytes=0-9", "If-Range", "\"old\""), null);
        assertEquals("a changed entity tag gets the whole file", 200, stale.status());

        assertEquals("the same bytes again are the same media", media.get("id").asText(), MediaFiles.upload(staff,
                "inst-media-1", "copy.mp4", video).get("id").asText());
        Http other = identity.staff("INSTITUTION_ADMIN", null, "inst-media-2").http();
        assertProblem(other.get(content), 403, "forbidden");
        assertProblem(http.get(content), 401, "login-required");
        assertProblem(identity.staff("CITY_REGULATOR", "440100", null).http().get(content), 403, "forbidden");
        assertEquals("the province regulator supervises every institution", 200,
                identity.staff("PROVINCE_REGULATOR", "440000", null).http().get(content).status());
        assertEquals(1, staff.get("/api/v1/institutions/inst-media-1/media").json().size());
    }

    @Test
    public void whatIsNotAVideoAnAudioFileOrAPictureIsDiscarded() {
        Http staff = identity.staff("INSTITUTION_ADMIN", null, "inst-media-3").http();
        byte[] script = "#!/bin/sh\necho not a video\n".repeat(20).getBytes(StandardCharsets.US_ASCII);
        String upload = MediaFiles.start(staff, "inst-media-3", "lesson.mp4", script.length);
        JsonNode refused = assertProblem(MediaFiles.chunk(staff, upload, script, 0, script.length), 422,
                "invalid-input");
        assertEquals("media-type", refused.get("errors").get(0).get("rule").asText());
        assertProblem(staff.get("/api/v1/media-uploads/" + upload), 404, "not-found");
        assertEquals(0, staff.get("/api/v1/institutions/inst-media-3/media").json().size());

        assertEquals("max-size", assertProblem(staff.post("/api/v1/institutions/inst-media-3/media-uploads",
                "{\"filename\":\"huge.mp4\",\"size\":" + (5L << 30) + "}"), 422, "invalid-input").get("errors")
                .get(0).get("rule").asText());
        assertProblem(staff.post("/api/v1/institutions/inst-media-1/media-uploads",
                "{\"filename\":\"x.mp4\",\"size\":10}"), 403, "forbidden");
    }

    @Test
    public void chunksLargerThanOtherRequestsAreStreamedToDisk() {
        Http staff = identity.staff("INSTITUTION_STAFF", null, "inst-media-4").http();
        byte[] large = new byte[20 * MIB];
        String upload = MediaFiles.start(staff, "inst-media-4", "long.mp4", large.length);
        Http.Reply chunk = MediaFiles.chunk(staff, upload, large, 0, 12 * MIB);
        assertEquals(chunk.body(), 200, chunk.status());
        assertEquals(12 * MIB, chunk.json().get("received").asLong());
        assertTrue(chunk.json().get("chunkMaxBytes").asLong() >= 12 * MIB);
    }
}
