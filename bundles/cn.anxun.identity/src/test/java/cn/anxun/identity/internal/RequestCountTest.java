package cn.anxun.identity.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.Test;

import cn.anxun.identity.RequestLimit;
import cn.anxun.identity.TooManyRequestsException;

public class RequestCountTest {

    private static final Instant T0 = Instant.parse("2026-12-05T08:00:00Z");
    private final RequestLimit limit = new RequestLimit("registration", 3, Duration.ofHours(1), "Ask the operator.");

    @Test
    public void requestsAreCountedWithinTheirWindowAndRefusedPastTheLimit() {
        LoginThrottle.State state = LoginThrottle.State.CLEAR;
        for (int i = 0; i < 3; i++) {
            state = RequestCount.counted(limit, state, T0.plusSeconds(60L * i));
        }
        assertEquals(3, state.failures());
        assertEquals(T0.plus(Duration.ofHours(1)), state.nextAttemptAt());
        LoginThrottle.State spent = state;
        TooManyRequestsException refused = assertThrows(TooManyRequestsException.class,
                () -> RequestCount.counted(limit, spent, T0.plusSeconds(3599)));
        assertEquals(T0.plus(Duration.ofHours(1)), refused.retryAt());
        assertTrue(refused.getMessage(), refused.getMessage().contains("3 registration requests within 60 minutes")
                && refused.getMessage().endsWith("Ask the operator."));
    }

    @Test
    public void aNewWindowStartsOnceTheLastHasEnded() {
        LoginThrottle.State spent = new LoginThrottle.State(3, T0, null);
        LoginThrottle.State fresh = RequestCount.counted(limit, spent, T0);
        assertEquals(1, fresh.failures());
        assertEquals(T0.plus(Duration.ofHours(1)), fresh.nextAttemptAt());
    }
}
