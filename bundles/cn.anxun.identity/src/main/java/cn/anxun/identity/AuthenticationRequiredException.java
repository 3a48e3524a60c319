package cn.anxun.identity;

/** No valid login: no token, or one that is malformed, expired or revoked. */
public class AuthenticationRequiredException extends ServiceException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    /**
     * @param reason a short stable name of what is wrong: {@code login-required}, {@code invalid-token},
     *        {@code token-expired}, {@code token-revoked}
     */
    public AuthenticationRequiredException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
