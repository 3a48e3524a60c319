package cn.anxun.signon.oidc.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * {@code etc/cn.anxun.signon.oidc.cfg}: the OpenID Connect provider, this platform's client there, and which claims
 * become which roles. Only the claims named here are read.
 */
@ObjectClassDefinition(id = OidcConfig.PID, name = "Anxun staff sign-on: OpenID Connect")
public @interface OidcConfig {

    String PID = "cn.anxun.signon.oidc";

    @AttributeDefinition(description = "How the login page names the provider")
    String label() default "广东省统一身份认证平台";

    @AttributeDefinition(description = "The provider's issuer URL; its metadata is read from "
            + "<issuer>/.well-known/openid-configuration")
    String issuer();

    @AttributeDefinition(description = "This platform's client id at the provider")
    String clientId();

    @AttributeDefinition(description = "This platform's client secret at the provider (client_secret_basic)",
            type = AttributeType.PASSWORD)
    String clientSecret();

    @AttributeDefinition(description = "This platform's callback as registered at the provider: "
            + "https://<platform>/api/v1/auth/signon/callback")
    String redirectUri();

    @AttributeDefinition(description = "Where the provider sends the browser after its logout, as registered there: "
            + "https://<platform>/; empty: the provider's own page")
    String postLogoutRedirectUri() default "";

    @AttributeDefinition(description = "Scopes asked for, space-separated")
    String scopes() default "openid profile";

    @AttributeDefinition(description = "Claim of the ID token that gives a new account its user name")
    String usernameClaim() default "preferred_username";

    @AttributeDefinition(description = "Claim of the ID token with the person's name")
    String nameClaim() default "name";

    @AttributeDefinition(description = "Claim of the ID token with the person's roles at the provider (a string or a "
            + "list; a dotted path reads into objects, e.g. realm_access.roles)")
    String roleClaim() default "roles";

    @AttributeDefinition(description = "value=ROLE entries, separated by commas: a value of the role claim and the "
            + "platform role it gives. ROLE@440100 binds the role to that region; ROLE@region takes the region from the region claim; "
            + "ROLE@institution takes the institution from the institution claim. Values not listed give nothing.")
    String[] roles() default {};

    @AttributeDefinition(description = "Claim with a GB/T 2260 region code, read only for roles mapped with @region")
    String regionClaim() default "";

    @AttributeDefinition(description = "Claim with an institution id, read only for roles mapped with @institution")
    String institutionClaim() default "";

    @AttributeDefinition(description = "Seconds to wait for the provider at each request")
    int timeoutSeconds() default 5;

    @AttributeDefinition(description = "Least seconds between two fetches of the provider's keys when a token is "
            + "signed by a key not yet known (after the provider rotated its keys)")
    int keyRefreshSeconds() default 30;
}
