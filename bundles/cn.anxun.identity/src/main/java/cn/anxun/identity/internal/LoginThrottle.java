package cn.anxun.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import cn.anxun.identity.LoginRefusedException;
import cn.anxun.identity.LoginRefusedException.Reason;

/**
 * Slows down and then stops password guessing on one account: after a few failures in a row each further attempt
 * must wait, twice as long each time; a few more and the account is locked for a while. A success clears it.
 */
record LoginThrottle(int failuresBeforeDelay, Duration delay, int failuresBeforeLock, Duration lock) {

    /** Failed logins in a row, and until when the next attempt is not considered. */
    record State(int failures, Instant nextAttemptAt, Instant lockedUntil) {

        static final State CLEAR = new State(0, null, null);

        boolean locked(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }

        /** Whether a lock was set and has run out. */
        boolean lockEnded(Instant now) {
            return lockedUntil != null && !now.isBefore(lockedUntil);
        }
    }

    static LoginThrottle of(IdentityConfig config) {
        return new LoginThrottle(config.failuresBeforeDelay(), Duration.ofSeconds(config.delaySeconds()),
                config.failuresBeforeLock(), Duration.ofSeconds(config.lockSeconds()));
    }

    /** Why an attempt now is not even considered, if it is not. */
    Optional<LoginRefusedException> refusal(State state, Instant now) {
        if (state.locked(now)) {
            return Optional.of(new LoginRefusedException(Reason.LOCKED, state.lockedUntil(), "The account is locked "
                    + "after " + failuresBeforeLock + " failed logins in a row, until " + state.lockedUntil()
                    + ". An administrator can reset the password meanwhile."));
        }
        if (state.nextAttemptAt() != null && now.isBefore(state.nextAttemptAt())) {
            return Optional.of(new LoginRefusedException(Reason.THROTTLED, state.nextAttemptAt(), "Too many failed "
                    + "logins in a row: the next attempt is considered from " + state.nextAttemptAt() + "."));
        }
        return Optional.empty();
    }

    /** The state after one more failure. */
    State failed(State state, Instant now) {
        int failures = state.failures() + 1;
        if (failures >= failuresBeforeLock) {
            return new State(0, null, now.plus(lock));
        }
        if (failures >= failuresBeforeDelay) {
            Duration wait = delay.multipliedBy(1L << Math.min(20, failures - failuresBeforeDelay));
            return new State(failures, now.plus(wait), null);
        }
        return new State(failures, null, null);
    }
}
