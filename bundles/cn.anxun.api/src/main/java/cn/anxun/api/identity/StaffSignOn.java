package cn.anxun.api.identity;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Signs staff in through an identity provider the browser is sent to (single sign-on), e.g. the provincial unified
 * identity platform over OpenID Connect. The platform keeps everything between the steps: what {@link #begin} asks
 * to keep until the browser comes back, and the provider's session of each login, sealed. The plugin maps the
 * provider's claims to the platform's roles and bindings as its configuration says; the platform checks them as it
 * checks any grant.
 *
 * @since 1.1
 */
@ConsumerType
public interface StaffSignOn {

    /** Stable identifier an operator puts in the configuration, e.g. {@code oidc}. */
    String id();

    /** How the login page names the provider, e.g. 广东省统一身份认证平台. */
    String label();

    /**
     * A sign-on begins.
     *
     * @param state an unguessable value the provider must send back unchanged as the parameter {@code state}
     */
    SignOnStart begin(String state) throws SignOnException;

    /**
     * The browser came back from the provider.
     *
     * @param parameters the query parameters it came back with
     * @param kept what {@link #begin} asked to keep for this sign-on
     */
    SignedOnStaff complete(Map<String, String> parameters, String kept) throws SignOnException;

    /**
     * Asks the provider whether it still vouches for a login, at each refresh of the platform's session: a user
     * disabled or signed out there, or whose roles changed, is known within one access token's life.
     *
     * @param session the provider's session as the last {@link SignedOnStaff} gave it
     * @return the staff member as the provider now describes them, or empty if it no longer vouches
     */
    Optional<SignedOnStaff> renew(String session) throws SignOnException;

    /**
     * A provider's back-channel message that sessions ended there (e.g. OpenID Connect back-channel logout).
     *
     * @param form the form fields it posted
     */
    SignedOut signedOut(Map<String, String> form) throws SignOnException;

    /** Where to send the browser so that the provider's own session ends too, if the provider has such a page. */
    Optional<URI> endSession(String session);
}
