package cn.anxun.identity.internal;

import java.time.Duration;
import java.time.Instant;

import cn.anxun.identity.TooManyRequestsException;

/**
 * How many registrations one client address may attempt in a window: each attempt costs a face check, and a
 * registered ID number is told apart from a free one only by attempting. Counted in the throttle row of the address,
 * as attempts so far and when the window ends.
 */
record RegistrationLimit(int perWindow, Duration window) {

    /** What {@link LoginThrottleRecord} counts the registrations of an address under. */
    static final String SUBJECT = "registration";

    static RegistrationLimit of(IdentityConfig config) {
        return new RegistrationLimit(config.registrationsPerAddress(),
                Duration.ofMinutes(Math.min(Duration.ofDays(1).toMinutes(), config.registrationWindowMinutes())));
    }

    /**
     * The count with one more attempt.
     *
     * @throws TooManyRequestsException if the window's attempts are spent
     */
    LoginThrottle.State counted(LoginThrottle.State state, Instant now) {
        Instant windowEnd = state.nextAttemptAt();
        if (windowEnd == null || !now.isBefore(windowEnd)) {
            return new LoginThrottle.State(1, now.plus(window), null);
        }
        if (state.failures() >= perWindow) {
            throw new TooManyRequestsException(windowEnd, "This address has attempted " + perWindow
                    + " registrations within " + window.toMinutes() + " minutes; the next is taken from " + windowEnd
                    + ". A site where many workers register together can ask the platform operator to raise the "
                    + "limit.");
        }
        return new LoginThrottle.State(state.failures() + 1, windowEnd, null);
    }
}
