package cn.anxun.identity;

import java.time.Instant;

/** A login that did not succeed, and when the next attempt may be made. */
public class LoginRefusedException extends ServiceException {

    private static final long serialVersionUID = 1L;

    /** Why the login was refused. */
    public enum Reason {
        /** Unknown account or wrong password; the answer does not say which. */
        BAD_CREDENTIALS,
        /** Too many failures in a row: wait before the next attempt. */
        THROTTLED,
        /** Locked after repeated failures, until {@link LoginRefusedException#retryAt()}. */
        LOCKED,
        /** The right one-time password, but too late: a new one must be asked for. */
        PASSWORD_EXPIRED
    }

    private final Reason reason;
    private final Instant retryAt;

    public LoginRefusedException(Reason reason, Instant retryAt, String message) {
        super(message);
        this.reason = reason;
        this.retryAt = retryAt;
    }

    public Reason reason() {
        return reason;
    }

    /** When another attempt will be considered, or {@code null} for no wait. */
    public Instant retryAt() {
        return retryAt;
    }
}
