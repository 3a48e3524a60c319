package cn.anxun.identity.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.time.Duration;
import java.time.Instant;

import org.junit.Test;

import cn.anxun.identity.TooManyRequestsException;

public class RegistrationLimitTest {

    private static final Instant T0 = Instant.parse("2026-12-05T08:00:00Z");
    private final RegistrationLimit limit = new RegistrationLimit(3, Duration.ofHours(1));

    @Test
    public void attemptsAreCountedWithinTheirWindowAndRefusedPastTheLimit() {
        LoginThrottle.State state = LoginThrottle.State.CLEAR;
        for (int i = 0; i < 3; i++) {
            state = limit.counted(state, T0.plusSeconds(60L * i));
        }
        assertEquals(3, state.failures());
        assertEquals(T0.plus(Duration.ofHours(1)), state.nextAttemptAt());
        LoginThrottle.State spent = state;
        TooManyRequestsException refused = assertThrows(TooManyRequestsException.class,
                () -> limit.counted(spent, T0.plusSeconds(3599)));
        assertEquals(T0.plus(Duration.ofHours(1)), refused.retryAt());
    }

    @Test
    public void aNewWindowStartsOnceTheLastHasEnded() {
        LoginThrottle.State spent = new LoginThrottle.State(3, T0, null);
        LoginThrottle.State fresh = limit.counted(spent, T0);
        assertEquals(1, fresh.failures());
        assertEquals(T0.plus(Duration.ofHours(1)), fresh.nextAttemptAt());
    }
}
