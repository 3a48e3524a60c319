package cn.anxun.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The learner's client, and the rules as the test applies them: each heartbeat 30 s after the last, the video
 * played at normal speed, what it earns pending until a face check passes.
 */
final class Student {

    private static final int BEAT = 30;

    /** Numbers every capture of the class's tests: a learner's clients never send the same file twice. */
    private static int captures;

    Http http;
    /** What the session may credit at most: the rest of the daily cap or of the class's online hours. */
    final long cap;
    final MovableClock clock;
    final String trainingClass;
    final String course;
    String session;
    long position;
    long furthest;
    long pending;
    long credited;
    boolean prompted;
    final List<String> pieces = new ArrayList<>();
    final List<String> expected = new ArrayList<>();
    private long pieceStart = -1;
    private long pieceFrom;
    private long pieceSeconds;
    private long pieceTo;
    private long pieceEnd;
    private long lastBeat;

    Student(Http http, MovableClock clock, String trainingClass, String course, long cap) {
        this.http = http;
        this.cap = cap;
        this.clock = clock;
        this.trainingClass = trainingClass;
        this.course = course;
    }

    JsonNode start() {
        Http.Reply started = Photos.post(http, "/api/v1/classes/" + trainingClass + "/courses/" + course
                + "/study-sessions", nextCapture());
        assertEquals(started.body(), 201, started.status());
        session = started.json().get("session").get("id").asText();
        opened();
        JsonNode baseline = send(true);
        assertEquals(baseline.toString(), 0, baseline.get("pendingSeconds").asLong());
        return started.json();
    }

    /** One heartbeat 30 s on, the video 30 s further, or back at the start near its end. */
    JsonNode beat(boolean interacted) {
        clock.advance(Duration.ofSeconds(BEAT));
        long last = position;
        position = position + BEAT > 570 ? 0 : position + BEAT;
        long earned = prompted ? 0 : Math.max(0, Math.min(BEAT, position - last));
        earned = Math.min(earned, cap - credited - pending);
        JsonNode answer = send(interacted);
        if ("RESUME_WITH_FACE_CHECK".equals(answer.get("action").asText())) {
            position = last;
            earned = 0;
        }
        furthest = Math.max(furthest, position);
        if (earned > 0) {
            earn(last, earned);
        } else {
            closePiece();
        }
        lastBeat = now();
        assertEquals(answer.toString(), pending, answer.get("pendingSeconds").asLong());
        return answer;
    }

    void beatUntilFaceCheck() {
        for (int i = 0; i < 20; i++) {
            if ("FACE_CHECK".equals(beat(true).get("action").asText())) {
                return;
            }
        }
        throw new AssertionError("no face check was asked for within 10 minutes");
    }

    void pass() {
        JsonNode answer = capture(Photos.CAGE_AGAIN);
        assertEquals(answer.toString(), "CONTINUE", answer.get("action").asText());
        closePiece();
        expected.addAll(pieces);
        credited += pending;
        opened();
    }

    void lateCapture() {
        JsonNode answer = capture(Photos.CAGE_AGAIN);
        assertEquals(answer.toString(), "ACTIVE", answer.get("session").get("status").asText());
        opened();
    }

    void skipAhead() {
        clock.advance(Duration.ofSeconds(BEAT));
        position = furthest + 200;
        JsonNode answer = send(true);
        assertEquals(answer.toString(), "RETURN_TO_POSITION", answer.get("action").asText());
        assertEquals(furthest, answer.get("returnTo").asDouble(), 0.001);
        position = furthest;
        closePiece();
        lastBeat = now();
        assertEquals(pending, answer.get("pendingSeconds").asLong());
    }

    void fail() {
        JsonNode answer = capture(Photos.BIEBER);
        assertEquals("RESUME_WITH_FACE_CHECK", answer.get("action").asText());
        assertEquals("FACE_CHECK_FAILED", answer.get("session").get("reason").asText());
        assertEquals(0, answer.get("pendingSeconds").asLong());
        pieceStart = -1;
        pieces.clear();
        pending = 0;
    }

    void resume() {
        pass();
    }

    void idleUntilPaused() {
        long since = now();
        while (true) {
            JsonNode answer = beat(false);
            String action = answer.get("action").asText();
            if ("RESUME_WITH_FACE_CHECK".equals(action)) {
                assertEquals("IDLE", answer.get("session").get("reason").asText());
                prompted = false;
                return;
            }
            if (now() - since >= 60) {
                assertEquals(answer.toString(), "CONFIRM_PRESENCE", action);
                prompted = true;
            }
            assertTrue("paused within three minutes of idling", now() - since <= 180);
        }
    }

    JsonNode studyUntilStopped() {
        for (int i = 0; i < 60; i++) {
            JsonNode answer = beat(true);
            if ("FACE_CHECK".equals(answer.get("action").asText())) {
                boolean last = credited + pending == cap;
                JsonNode checked = capture(Photos.CAGE_AGAIN);
                closePiece();
                expected.addAll(pieces);
                credited += pending;
                opened();
                if (last) {
                    assertEquals(checked.toString(), "STOP", checked.get("action").asText());
                    return checked;
                }
            }
        }
        throw new AssertionError("the cap was not reached");
    }

    private JsonNode capture(String photo) {
        Http.Reply answer = Photos.post(http, "/api/v1/study-sessions/" + session + "/face-checks",
                Photos.BIEBER.equals(photo) ? Photos.of(photo) : nextCapture());
        assertEquals(answer.body(), 200, answer.status());
        return answer.json();
    }

    private JsonNode send(boolean interacted) {
        Http.Reply answer = http.post("/api/v1/study-sessions/" + session + "/heartbeats", "{\"unit\":1,"
                + "\"position\":" + position + ",\"visible\":true,\"interacted\":" + interacted + "}");
        assertEquals(answer.body(), 200, answer.status());
        return answer.json();
    }

    private void earn(long from, long seconds) {
        if (pieceStart < 0 || lastBeat != now() - BEAT || pieceTo != from) {
            closePiece();
            pieceStart = now() - seconds;
            pieceFrom = from;
            pieceSeconds = 0;
        }
        pieceSeconds += seconds;
        pieceTo = position;
        pieceEnd = now();
        pending += seconds;
    }

    private void closePiece() {
        if (pieceStart >= 0 && pieceSeconds > 0) {
            pieces.add(pieceStart + ".." + pieceEnd + " " + pieceSeconds + " s, media " + pieceFrom + ".."
                    + pieceTo);
        }
        pieceStart = -1;
    }

    private void opened() {
        closePiece();
        pieces.clear();
        pending = 0;
        lastBeat = now();
    }

    /** A new capture of the learner: each one a different file, as a camera gives them. */
    byte[] nextCapture() {
        return Photos.variant(Photos.CAGE_AGAIN, captures++);
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    static String describe(JsonNode entry) {
        long start = Instant.parse(entry.get("startedAt").asText()).getEpochSecond();
        long end = Instant.parse(entry.get("endedAt").asText()).getEpochSecond();
        return start + ".." + end + " " + entry.get("creditedSeconds").asLong() + " s, media "
                + entry.get("mediaFromMs").asLong() / 1000 + ".." + entry.get("mediaToMs").asLong() / 1000;
    }
}
