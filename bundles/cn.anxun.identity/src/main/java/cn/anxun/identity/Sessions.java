package cn.anxun.identity;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Logins: tokens in exchange for credentials, and callers in exchange for tokens. */
@ProviderType
public interface Sessions {

    /** A learner logs in with resident ID number and password. */
    Tokens loginLearner(Caller caller, String idNumber, String password);

    /** A staff member logs in through the configured staff authenticator. */
    Tokens loginStaff(Caller caller, String username, String secret);

    /**
     * A supervision platform's program logs in with the client credentials of its {@link Role#FEED_READER} account
     * (the OAuth 2 client credentials grant): an access token alone, without a refresh token. Counted, slowed down
     * and locked like every login.
     *
     * @since 2.4
     */
    Tokens loginClient(Caller caller, String clientId, String secret);

    /** A new access token (and refresh token) for a refresh token; the old refresh token is spent. */
    Tokens refresh(Caller caller, String refreshToken);

    /** Ends the caller's session: its access and refresh tokens stop working at once. */
    void logout(Caller caller);

    /**
     * Where the browser goes after {@link #logout} so that the identity provider's session ends too: only for a
     * session signed on through a provider that has such a page.
     *
     * @since 2.7
     */
    Optional<URI> providerLogout(Caller caller);

    /**
     * How staff sign on through an identity provider, if the platform is configured for one.
     *
     * @since 2.7
     */
    SignOnOffer signOnOffer();

    /**
     * A staff sign-on begins: the browser is sent to the configured identity provider.
     *
     * @since 2.7
     */
    SignOnRedirect beginSignOn(Caller caller);

    /**
     * The browser came back from the identity provider: the staff member it vouches for gets a login session, and
     * their account is created or its roles brought in line with what the provider now says.
     *
     * @param parameters the query parameters the browser came back with
     * @param binding the secret of {@link SignOnRedirect#binding()} the browser brought back
     * @throws SignOnRefusedException if the provider refused, its answer does not hold, or it maps to no valid grant
     * @since 2.7
     */
    Tokens completeSignOn(Caller caller, Map<String, String> parameters, String binding);

    /**
     * The identity provider says that sessions ended on its side: the logins they opened end.
     *
     * @param form what the provider posted
     * @return how many logins ended
     * @since 2.7
     */
    int signedOut(Caller caller, Map<String, String> form);

    /** Changes the caller's own password; other sessions of the account end. */
    void changePassword(Caller caller, String currentPassword, String newPassword);

    /**
     * The caller an access token stands for.
     *
     * @throws AuthenticationRequiredException if the token is malformed, forged, expired or its session ended
     */
    Caller authenticate(String accessToken, String requestId);
}
