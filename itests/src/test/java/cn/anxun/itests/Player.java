package cn.anxun.itests;

import static org.junit.Assert.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A learner's player in real time: a study session started with a capture, a heartbeat every two seconds with the
 * position the wall clock gives, and face checks whose pass credits the time before them, each an acknowledged
 * ledger entry. Behind a load balancer it may be patient: a request answered 502, 503 or 504 (a node going away) is
 * sent again, as the pages do, until the deadline.
 */
final class Player {

    static final Duration BEAT = Duration.ofSeconds(2);
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static int captures;

    private final Http learner;
    private final boolean patient;
    final String session;
    private final Instant playing;

    private Player(Http learner, boolean patient, String session) {
        this.learner = learner;
        this.patient = patient;
        this.session = session;
        this.playing = Instant.now();
    }

    /** Starts studying the class's first unit. */
    static Player started(Http learner, Classroom classroom, boolean patient) {
        Http.Reply started = Photos.post(learner, classroom.studyStart(), nextCapture());
        assertEquals(started.body(), 201, started.status());
        return new Player(learner, patient, started.json().get("session").get("id").asText());
    }

    /** A heartbeat from a player that has played since it started, at normal speed. */
    JsonNode beat() {
        Http.Reply answer = answered(() -> learner.post("/api/v1/study-sessions/" + session + "/heartbeats",
                "{\"unit\":1,\"position\":" + Duration.between(playing, Instant.now()).toMillis() / 1000.0
                        + ",\"visible\":true,\"interacted\":true}"));
        assertEquals(answer.body(), "CONTINUE", answer.json().get("action").asText());
        return answer.json();
    }

    /** A capture that passes: the time since the last one is credited, an entry the ledger acknowledges. */
    void faceCheck() {
        byte[] capture = nextCapture();
        Http.Reply checked = answered(() -> Photos.post(learner, "/api/v1/study-sessions/" + session
                + "/face-checks", capture));
        assertEquals(checked.body(), "CONTINUE", checked.json().get("action").asText());
    }

    /** Heartbeats a few seconds, then a capture whose pass credits them. */
    void studyAndCheck() throws InterruptedException {
        for (int i = 0; i < 2; i++) {
            waitUntil(Instant.now().plus(BEAT));
            beat();
        }
        faceCheck();
    }

    private Http.Reply answered(Supplier<Http.Reply> request) {
        Http.Reply[] last = {request.get()};
        if (patient) {
            try {
                Eventually.await("answered through the balancer", PATIENCE, () -> {
                    if (last[0].status() < 502 || last[0].status() > 504) {
                        return true;
                    }
                    last[0] = request.get();
                    return false;
                });
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; last answer: " + last[0].status() + " " + last[0].body());
            }
        }
        assertEquals(last[0].body(), 200, last[0].status());
        return last[0];
    }

    private static synchronized byte[] nextCapture() {
        return Photos.variant(Photos.CAGE_AGAIN, ++captures);
    }

    /**
     * Lets wall-clock time pass, as between a real client's heartbeats: the platform credits the time between them,
     * so there is no event to wait for instead.
     */
    static void waitUntil(Instant then) throws InterruptedException {
        long millis = Duration.between(Instant.now(), then).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
