package cn.anxun.identity.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.Test;

import cn.anxun.identity.LoginRefusedException.Reason;

public class LoginThrottleTest {

    private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofSeconds(1), 5, Duration.ofMinutes(15), 20,
            Duration.ofSeconds(60));
    private final Instant t0 = Instant.parse("2026-11-28T08:00:00Z");

    @Test
    public void waitsDoubleThenLockThenTheLockRunsOut() {
        LoginThrottle.State state = LoginThrottle.State.CLEAR;
        state = throttle.failed(state, t0);
        state = throttle.failed(state, t0);
        assertTrue("two failures cost nothing", throttle.refusal(state, t0).isEmpty());

        state = throttle.failed(state, t0);
        assertEquals(t0.plusSeconds(1), state.nextAttemptAt());
        assertEquals(Reason.THROTTLED, throttle.refusal(state, t0.plusMillis(500)).orElseThrow().reason());
        assertTrue(throttle.refusal(state, t0.plusSeconds(1)).isEmpty());

        Instant t1 = t0.plusSeconds(1);
        state = throttle.failed(state, t1);
        assertEquals("the wait doubles", t1.plusSeconds(2), state.nextAttemptAt());

        Instant t2 = t1.plusSeconds(2);
        state = throttle.failed(state, t2);
        assertEquals(t2.plus(Duration.ofMinutes(15)), state.lockedUntil());
        assertEquals(Reason.LOCKED, throttle.refusal(state, t2.plusSeconds(60)).orElseThrow().reason());
        assertEquals(state.lockedUntil(), throttle.refusal(state, t2).orElseThrow().retryAt());

        Instant later = state.lockedUntil();
        assertTrue(state.lockEnded(later));
        assertTrue(throttle.refusal(state, later).isEmpty());
        assertNull(state.nextAttemptAt());
    }

    @Test
    public void failuresFromEveryAddressWaitUpToTheCapAndNeverLock() {
        LoginThrottle.State state = LoginThrottle.State.CLEAR;
        for (int i = 0; i < 19; i++) {
            state = throttle.failedEverywhere(state, t0);
        }
        assertNull("nineteen failures cost nothing", state.nextAttemptAt());
        state = throttle.failedEverywhere(state, t0);
        assertEquals(t0.plusSeconds(1), state.nextAttemptAt());
        for (int i = 0; i < 30; i++) {
            state = throttle.failedEverywhere(state, t0);
            assertNull("never a lock", state.lockedUntil());
        }
        assertEquals("the wait stops growing at the cap", t0.plusSeconds(60), state.nextAttemptAt());
        assertEquals(Reason.THROTTLED, throttle.refusal(state, t0.plusSeconds(59)).orElseThrow().reason());
    }
}
