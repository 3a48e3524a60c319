package cn.anxun.identity.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/cn.anxun.identity.cfg}: logins, tokens, lockout and the plugins identity uses. */
@ObjectClassDefinition(id = IdentityConfig.PID, name = "Anxun identity")
public @interface IdentityConfig {

    String PID = "cn.anxun.identity";

    @AttributeDefinition(description = "Seconds an access token is valid")
    long accessTokenSeconds() default 900;

    @AttributeDefinition(description = "Seconds a login session may be refreshed without logging in again")
    long refreshTokenSeconds() default 43_200;

    @AttributeDefinition(description = "bcrypt cost factor of password hashes (each step doubles the work)")
    int passwordHashCost() default 11;

    @AttributeDefinition(description = "Hours a generated (one-time) password is valid before it must be replaced")
    long oneTimePasswordHours() default 72;

    @AttributeDefinition(description = "Failed logins in a row after which each further attempt must wait")
    int failuresBeforeDelay() default 3;

    @AttributeDefinition(description = "Seconds of the first wait; it doubles with each further failure")
    long delaySeconds() default 1;

    @AttributeDefinition(description = "Failed logins in a row that lock the account")
    int failuresBeforeLock() default 5;

    @AttributeDefinition(description = "Seconds an account stays locked")
    long lockSeconds() default 900;

    @AttributeDefinition(description = "Failed logins of one account from all addresses together after which each "
            + "further attempt, from any address, must wait; this count never locks")
    int failuresEverywhereBeforeDelay() default 20;

    @AttributeDefinition(description = "Seconds that wait grows to at most")
    long delayEverywhereCapSeconds() default 60;

    @AttributeDefinition(description = "Registrations one client address may attempt in a window")
    int registrationsPerAddress() default 30;

    @AttributeDefinition(description = "Minutes of that window (at most a day)")
    long registrationWindowMinutes() default 60;

    @AttributeDefinition(description = "id() of the IdentityVerifier that vouches for new learners")
    String identityVerifier() default "format";

    @AttributeDefinition(description = "id() of the StaffAuthenticator that checks staff logins")
    String staffAuthenticator() default "local";

    @AttributeDefinition(description = "id() of the StaffSignOn staff sign on through (e.g. oidc, the provincial "
            + "unified identity platform); empty: staff log in with passwords only")
    String staffSignOn() default "";

    @AttributeDefinition(description = "Whether staff must sign on through that provider: then only the break-glass "
            + "accounts below log in with a password")
    boolean staffSignOnRequired() default false;

    @AttributeDefinition(description = "User names, separated by commas, of the local accounts that may still log in "
            + "with a password when sign-on is required, for when the provider fails")
    String[] breakGlassUsernames() default {"admin"};

    @AttributeDefinition(description = "Sign-ons one client address may begin in ten minutes (staff of an office "
            + "behind one address sign on together in the morning)")
    int signOnsPerAddress() default 300;

    @AttributeDefinition(description = "User name of the first platform administrator, created at first start")
    String initialAdminUsername() default "admin";

    @AttributeDefinition(description = "bcrypt hash of the first administrator's password; empty: a one-time "
            + "password is generated and written once to the log")
    String initialAdminPasswordHash() default "";
}
