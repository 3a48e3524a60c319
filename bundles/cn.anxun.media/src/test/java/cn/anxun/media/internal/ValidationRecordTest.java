package cn.anxun.media.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.Test;

import cn.anxun.media.Validation;
import cn.anxun.media.Validation.Run.Status;

public class ValidationRecordTest {

    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");
    private static final int ATTEMPTS = 3;

    private final ValidationRecord run = new ValidationRecord("run-1", "media-1", "mp4", NOW);

    @Test
    public void aRunStartedOnAnotherNodeIsItsUntilTheTimeLimitPassed() {
        Duration limit = Duration.ofMinutes(30);
        assertTrue(run.start(ATTEMPTS, NOW, "node-a"));
        assertTrue(run.runningElsewhere("node-b", limit, NOW.plus(limit).minusSeconds(1)));
        assertFalse("another node takes over what the stopped one left", run.runningElsewhere("node-b", limit,
                NOW.plus(limit)));
        assertFalse("a node restarted takes its own run at once", run.runningElsewhere("node-a", limit, NOW));
    }

    @Test
    public void aRunThatNeverFinishesIsParkedAfterItsLastAttemptWithTheReason() {
        for (int attempt = 1; attempt < ATTEMPTS; attempt++) {
            assertTrue(run.start(ATTEMPTS, NOW, "node-a"));
            run.interrupted("did not finish within 1800 s", ATTEMPTS, NOW);
            assertEquals(Status.QUEUED, run.status());
        }
        assertTrue(run.start(ATTEMPTS, NOW, "node-a"));
        run.interrupted("java.lang.OutOfMemoryError: Java heap space", ATTEMPTS, NOW);
        assertEquals(Status.PARKED, run.status());
        Validation.Parked parked = run.parked();
        assertEquals("mp4", parked.validator());
        assertTrue(parked.reason(), parked.reason().contains("OutOfMemoryError") && parked.reason().contains("3 attempts"));
        assertEquals("validator-parked", run.view(true).findings().get(0).code());
    }

    @Test
    public void aRunLeftRunningByCrashesIsParkedInsteadOfStartedAgain() {
        for (int crash = 0; crash < ATTEMPTS; crash++) {
            assertTrue(run.start(ATTEMPTS, NOW, "node-a")); // the platform stops in the middle: the row stays RUNNING
        }
        assertFalse("a fourth start would crash it again", run.start(ATTEMPTS, NOW, "node-a"));
        assertEquals(Status.PARKED, run.status());
        assertTrue(run.parked().reason(), run.parked().reason().contains("started 3 times and never finished"));
    }

    @Test
    public void aValidatorLeavingDoesNotCountAndValidatingAgainStartsAfresh() {
        assertTrue(run.start(ATTEMPTS, NOW, "node-a"));
        run.putBack();
        assertTrue(run.start(ATTEMPTS, NOW, "node-a"));
        run.interrupted("did not finish", ATTEMPTS, NOW);
        assertTrue(run.start(ATTEMPTS, NOW, "node-a"));
        run.interrupted("did not finish", ATTEMPTS, NOW);
        assertEquals("two counted starts of three", Status.QUEUED, run.status());
        run.queued(NOW);
        for (int attempt = 1; attempt < ATTEMPTS; attempt++) {
            assertTrue(run.start(ATTEMPTS, NOW, "node-a"));
            run.interrupted("did not finish", ATTEMPTS, NOW);
        }
        assertEquals(Status.QUEUED, run.status());
    }

    @Test
    public void eachStartIsANewGenerationSoAnAbandonedRunCannotWriteItsResult() {
        int queued = run.generation();
        run.start(ATTEMPTS, NOW, "node-a");
        int first = run.generation();
        run.interrupted("did not finish", ATTEMPTS, NOW);
        run.start(ATTEMPTS, NOW, "node-a");
        assertTrue(queued < first && first < run.generation());
    }
}
