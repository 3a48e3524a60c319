package cn.anxun.identity;

import java.time.Instant;

/** More requests of a kind from one client than the platform takes in a while; answered 429 with when to retry. */
public class TooManyRequestsException extends ServiceException {

    private static final long serialVersionUID = 1L;

    private final Instant retryAt;

    public TooManyRequestsException(Instant retryAt, String message) {
        super(message);
        this.retryAt = retryAt;
    }

    /** When a request of the kind will be taken again. */
    public Instant retryAt() {
        return retryAt;
    }
}
