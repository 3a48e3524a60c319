package cn.anxun.identity;

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

    /** Changes the caller's own password; other sessions of the account end. */
    void changePassword(Caller caller, String currentPassword, String newPassword);

    /**
     * The caller an access token stands for.
     *
     * @throws AuthenticationRequiredException if the token is malformed, forged, expired or its session ended
     */
    Caller authenticate(String accessToken, String requestId);
}
