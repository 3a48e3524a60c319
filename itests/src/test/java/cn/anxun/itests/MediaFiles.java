package cn.anxun.itests;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** The course media made by ffmpeg at build time (bundles/validators/test-media.xml), and their upload in chunks. */
final class MediaFiles {

    static final String FOLDER = "anxun.media";
    static final String GOOD = "good-720p.mp4";
    static final String WEBM = "vp9.webm";
    static final String PICTURE = "picture.png";
    static final String TEN_MINUTES = "ten-minutes.mp4";

    private static final int CHUNK = 8 << 20;

    private MediaFiles() {
    }

    static byte[] of(String name) {
        try {
            return Files.readAllBytes(Path.of(System.getProperty(FOLDER), name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts an upload of the bytes under a name; answers its id. */
    static String start(Http staff, String institution, String filename, long size) {
        Http.Reply started = staff.post("/api/v1/institutions/" + institution + "/media-uploads",
                "{\"filename\":\"" + filename + "\",\"size\":" + size + "}");
        assertEquals(started.body(), 201, started.status());
        return started.json().get("id").asText();
    }

    /** Sends bytes {@code [from, to)} of the file as one chunk. */
    static Http.Reply chunk(Http staff, String upload, byte[] file, int from, int to) {
        return staff.exchange("PUT", "/api/v1/media-uploads/" + upload, Map.of("Content-Type",
                "application/octet-stream", "Content-Range", "bytes " + from + "-" + (to - 1) + "/" + file.length),
                Arrays.copyOfRange(file, from, to));
    }

    /** Uploads a whole file in chunks of at most 8 MiB; answers the stored media. */
    static JsonNode upload(Http staff, String institution, String filename, byte[] file) {
        String upload = start(staff, institution, filename, file.length);
        Http.Reply last = null;
        for (int from = 0; from < file.length; from += CHUNK) {
            last = chunk(staff, upload, file, from, Math.min(file.length, from + CHUNK));
        }
        assertEquals(last.body(), 201, last.status());
        return last.json().get("media");
    }

    /** The validation of a media once every installed validator has read it. */
    static JsonNode validated(Http reader, String media, java.time.Duration deadline) {
        JsonNode[] validation = new JsonNode[1];
        Eventually.await("the validators read media " + media, deadline, () -> {
            validation[0] = reader.get("/api/v1/media/" + media + "/validation").json();
            return "DONE".equals(validation[0].get("state").asText());
        });
        return validation[0];
    }
}
