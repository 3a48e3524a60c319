package cn.anxun.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;

import org.junit.Test;

import cn.anxun.identity.LoginRefusedException;
import cn.anxun.identity.LoginRefusedException.Reason;

public class ServiceExceptionMapperTest {

    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");

    private static Response refusedUntil(Instant now, Instant retryAt) {
        return new ServiceExceptionMapper(Clock.fixed(now, ZoneOffset.UTC))
                .toResponse(new LoginRefusedException(Reason.THROTTLED, retryAt, "wait"));
    }

    @Test
    public void retryAfterCountsTheWholeSecondsLeftOnThePlatformsClock() {
        Response throttled = refusedUntil(NOW, NOW.plus(Duration.ofMillis(29_500)));
        assertEquals(429, throttled.getStatus());
        assertEquals("30", throttled.getHeaderString(HttpHeaders.RETRY_AFTER));
        assertEquals("locked for 15 minutes", "901",
                refusedUntil(NOW, NOW.plus(Duration.ofMinutes(15))).getHeaderString(HttpHeaders.RETRY_AFTER));
    }

    @Test
    public void aMomentAlreadyPastStillAsksForOneSecond() {
        assertEquals("1", refusedUntil(NOW.plusSeconds(5), NOW).getHeaderString(HttpHeaders.RETRY_AFTER));
    }

    @Test
    public void aRefusalWithoutAMomentHasNoRetryAfter() {
        assertNull(refusedUntil(NOW, null).getHeaderString(HttpHeaders.RETRY_AFTER));
    }
}
