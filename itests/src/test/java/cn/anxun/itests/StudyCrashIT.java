package cn.anxun.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Crash safety of study: the time a learner earned before the platform's JVM is killed with SIGKILL,
 * as every answered heartbeat reported it, is credited after the restart when the next face check passes.
 */
public class StudyCrashIT {

    private static final Duration BEAT = Duration.ofSeconds(2);

    @Test
    public void timeEarnedBeforeAKillNineIsCreditedAfterTheRestart() throws Exception {
        try (Distribution platform = new Distribution(Path.of(System.getProperty("anxun.distribution")),
                Path.of(System.getProperty("anxun.work")))) {
            studyThroughAKill(platform);
        }
    }

    private static void studyThroughAKill(Distribution platform) throws Exception {
        platform.set("etc/cn.anxun.identity.cfg", "initialAdminPasswordHash", Identity.ADMIN_PASSWORD_HASH);
        platform.set("etc/cn.anxun.identity.cfg", "registrationsPerAddress",
                AnxunTestSupport.REGISTRATIONS_PER_ADDRESS);
        // two shifted copies of one photo stand for the captures: not replays under test here
        platform.set("etc/cn.anxun.face.cfg", "replaySimilarity", "0.999");
        Http http = new Http(platform.httpPort);
        platform.start();
        Eventually.await("ready", Duration.ofSeconds(150), http::ready);
        Files.copy(Path.of(System.getProperty("anxun.cityModule")), platform.deploy().resolve("guangzhou.jar"));
        Eventually.await("440100 installed", Duration.ofSeconds(30), () -> http.get("/api/v1/cities").body()
                .contains("440100"));
        Classroom classroom = Classroom.open(new Identity(http), "inst-crash-1");
        Http learner = classroom.learner().http();

        Http.Reply started = Photos.post(learner, classroom.studyStart(), Photos.variant(Photos.CAGE_AGAIN, 1));
        assertEquals(started.body(), 201, started.status());
        String session = started.json().get("session").get("id").asText();
        Instant playing = Instant.now();
        JsonNode answer = beat(learner, session, playing);
        for (int i = 0; i < 3; i++) {
            waitUntil(Instant.now().plus(BEAT));
            answer = beat(learner, session, playing);
        }
        long earned = answer.get("pendingSeconds").asLong();
        assertTrue(answer.toString(), earned >= 5);

        platform.kill();
        platform.start();
        Eventually.await("ready after the kill", Duration.ofSeconds(150), http::ready);
        Http.Reply checked = Photos.post(learner, "/api/v1/study-sessions/" + session + "/face-checks",
                Photos.variant(Photos.CAGE_AGAIN, 2));
        assertEquals(checked.body(), 200, checked.status());
        assertEquals(checked.body(), "CONTINUE", checked.json().get("action").asText());
        JsonNode record = learner.get("/api/v1/learners/" + classroom.learner().id() + "/ledger").json();
        assertEquals(record.toString(), 1, record.get("entries").size());
        assertEquals("every second an answered heartbeat reported", earned,
                record.get("entries").get(0).get("entry").get("creditedSeconds").asLong());
        System.out.println("earned before SIGKILL and credited after the restart: " + earned + " s");
    }

    /** A heartbeat from a player that has played since {@code playing} at normal speed. */
    private static JsonNode beat(Http learner, String session, Instant playing) {
        double position = Duration.between(playing, Instant.now()).toMillis() / 1000.0;
        Http.Reply answer = learner.post("/api/v1/study-sessions/" + session + "/heartbeats", "{\"unit\":1,"
                + "\"position\":" + position + ",\"visible\":true,\"interacted\":true}");
        assertEquals(answer.body(), 200, answer.status());
        assertEquals(answer.body(), "CONTINUE", answer.json().get("action").asText());
        return answer.json();
    }

    /**
     * Lets wall-clock time pass, as between a real client's heartbeats: the platform credits the time between them,
     * so there is no event to wait for instead.
     */
    private static void waitUntil(Instant then) throws InterruptedException {
        long millis = Duration.between(Instant.now(), then).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
