package cn.anxun.api.identity;

/**
 * A sign-on step that did not succeed: the provider or its answer refused it, or the provider could not be reached.
 *
 * @since 1.1
 */
public class SignOnException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final boolean unavailable;

    /**
     * @param reason a short stable code, e.g. {@code access-denied}, {@code invalid-token}, {@code no-role}
     * @param message what went wrong, for the audit log and the person; never a token or a secret
     */
    public SignOnException(String reason, String message) {
        this(reason, message, false, null);
    }

    private SignOnException(String reason, String message, boolean unavailable, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.unavailable = unavailable;
    }

    /** The provider could not be asked (network, timeout, its error 5xx): nothing was decided. */
    public static SignOnException unavailable(String message, Throwable cause) {
        return new SignOnException("provider-unavailable", message, true, cause);
    }

    public String reason() {
        return reason;
    }

    public boolean unavailable() {
        return unavailable;
    }
}
