package cn.anxun.identity;

import java.util.Set;

/**
 * Who a service call is made for: the account, its roles and what they are bound to, and the request it came
 * with. An anonymous caller has no account and no roles.
 *
 * @param accountId the account, or {@code null} for an anonymous caller
 * @param name the user name of staff, the account id of a learner
 * @param roles the account's roles
 * @param regionCode the region a regulator is bound to, else {@code null}
 * @param institutionId the institution institution staff are bound to (for learners: the one they train with)
 * @param sessionId the login session, or {@code null}
 * @param requestId identifies the request in logs and audit rows
 * @param passwordChangeRequired the account logged in with a one-time password: until it sets its own, its roles
 *        allow nothing
 * @param clientAddress the address the request came from, or {@code null} when it came from no network (the console)
 */
public record Caller(String accountId, String name, Set<Role> roles, String regionCode, String institutionId,
        String sessionId, String requestId, boolean passwordChangeRequired, String clientAddress) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public Caller(String accountId, String name, Set<Role> roles, String regionCode, String institutionId,
            String sessionId, String requestId, boolean passwordChangeRequired) {
        this(accountId, name, roles, regionCode, institutionId, sessionId, requestId, passwordChangeRequired, null);
    }

    public Caller(String accountId, String name, Set<Role> roles, String regionCode, String institutionId,
            String sessionId, String requestId) {
        this(accountId, name, roles, regionCode, institutionId, sessionId, requestId, false);
    }

    /**
     * The same caller, calling from the address.
     *
     * @since 1.4
     */
    public Caller from(String address) {
        return new Caller(accountId, name, roles, regionCode, institutionId, sessionId, requestId,
                passwordChangeRequired, address);
    }

    public static Caller anonymous(String requestId) {
        return new Caller(null, "anonymous", Set.of(), null, null, null, requestId);
    }

    /**
     * Someone logged in to the Karaf console, which is guarded by its own accounts ({@code etc/users.properties}):
     * they act as a platform administrator, under the console user name.
     */
    public static Caller console(String user, String requestId) {
        return new Caller("console:" + user, "console:" + user, Set.of(Role.PLATFORM_ADMIN), null, null, null,
                requestId);
    }

    /** The platform itself, e.g. when it creates the first administrator. */
    public static Caller system() {
        return new Caller(null, "system", Set.of(), null, null, null, null);
    }

    public boolean authenticated() {
        return accountId != null;
    }

    /** Passes if the caller is logged in, whatever their roles; else 401. */
    public Caller requireLogin(String action) {
        if (!authenticated()) {
            throw new AuthenticationRequiredException("login-required", "Log in first: to " + action
                    + " needs a bearer access token from POST /api/v1/auth/login.");
        }
        return this;
    }

    /** The role that is most telling in an audit row. */
    public String mainRole() {
        return roles.stream().sorted().map(Role::name).findFirst().orElse("NONE");
    }
}
