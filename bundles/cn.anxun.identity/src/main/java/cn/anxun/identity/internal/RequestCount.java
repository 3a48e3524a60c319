package cn.anxun.identity.internal;

import java.time.Instant;

import cn.anxun.identity.RequestLimit;
import cn.anxun.identity.TooManyRequestsException;

/**
 * The count of one kind of request from one client address, kept in the address's throttle row as the requests so
 * far and when the window ends.
 */
final class RequestCount {

    private RequestCount() {
    }

    /**
     * The count with one more request.
     *
     * @throws TooManyRequestsException if the window's requests are spent
     */
    static LoginThrottle.State counted(RequestLimit limit, LoginThrottle.State state, Instant now) {
        Instant windowEnd = state.nextAttemptAt();
        if (windowEnd == null || !now.isBefore(windowEnd)) {
            return new LoginThrottle.State(1, now.plus(limit.window()), null);
        }
        if (state.failures() >= limit.perWindow()) {
            throw new TooManyRequestsException(windowEnd, "This address has made " + limit.perWindow() + " "
                    + limit.kind() + " requests within " + limit.window().toMinutes() + " minutes; the next is "
                    + "taken from " + windowEnd + "." + (limit.advice() == null ? "" : " " + limit.advice()));
        }
        return new LoginThrottle.State(state.failures() + 1, windowEnd, null);
    }
}
