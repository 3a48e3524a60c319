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

    @AttributeDefinition(description = "User name of the first platform administrator, created at first start")
    String initialAdminUsername() default "admin";

    @AttributeDefinition(description = "bcrypt hash of the first administrator's password; empty: a one-time "
            + "password is generated and written once to the log")
    String initialAdminPasswordHash() default "";
}
