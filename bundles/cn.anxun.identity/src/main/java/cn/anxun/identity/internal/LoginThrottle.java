package cn.anxun.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import cn.anxun.identity.LoginRefusedException;
import cn.anxun.identity.LoginRefusedException.Reason;

/**
 * Slows down and then stops password guessing on one account: after a few failures in a row from one address each
 * further attempt from it must wait, twice as long each time; a few more and the account is locked for that address.
 * Failures from every address together slow the account down as well, past a higher count and up to a cap, but never
 * lock it, so that guesses spread over many addresses gain little and nobody can keep the holder out. A success
 * clears both.
 */
record LoginThrottle(int failuresBeforeDelay, Duration delay, int failuresBeforeLock, Duration lock,
        int failuresEverywhereBeforeDelay, Duration delayEverywhereCap) {

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
                config.failuresBeforeLock(), Duration.ofSeconds(config.lockSeconds()),
                config.failuresEverywhereBeforeDelay(), Duration.ofSeconds(config.delayEverywhereCapSeconds()));
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

    /** The count over every address after one more failure: waits that double up to the cap, and no lock. */
    State failedEverywhere(State state, Instant now) {
        int failures = state.failures() + 1;
        if (failures < failuresEverywhereBeforeDelay) {
            return new State(failures, null, null);
        }
        Duration wait = delay.multipliedBy(1L << Math.min(20, failures - failuresEverywhereBeforeDelay));
        return new State(failures, now.plus(wait.compareTo(delayEverywhereCap) > 0 ? delayEverywhereCap : wait), null);
    }
}
