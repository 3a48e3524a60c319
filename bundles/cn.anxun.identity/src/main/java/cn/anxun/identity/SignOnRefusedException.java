package cn.anxun.identity;

/**
 * A staff sign-on that did not succeed.
 *
 * @since 2.7
 */
public class SignOnRefusedException extends ServiceException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    /**
     * @param reason a short stable code the login page explains, e.g. {@code no-role}, {@code username-taken}
     */
    public SignOnRefusedException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
