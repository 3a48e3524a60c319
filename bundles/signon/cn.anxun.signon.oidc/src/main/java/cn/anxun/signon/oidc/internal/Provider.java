package cn.anxun.signon.oidc.internal;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import com.nimbusds.openid.connect.sdk.validators.LogoutTokenValidator;

import cn.anxun.api.identity.SignOnException;

/**
 * The OpenID Connect provider as its discovery document describes it: read at the first sign-on and again after a
 * failure, so that a provider down at start is no obstacle. Its keys are fetched as tokens name them, so that a
 * key the provider rotated in is found, no oftener than the configured interval.
 */
final class Provider {

    /** What the provider's token endpoint answered: the ID token (none at some refreshes) and the refresh token. */
    record Answer(JWT idToken, String refreshToken) {
    }

    /** The provider's endpoints and the checks of its tokens. */
    private record Endpoints(OIDCProviderMetadata metadata, IDTokenValidator idTokens,
            LogoutTokenValidator logoutTokens) {
    }

    private final Issuer issuer;
    private final ClientID client;
    private final ClientSecretBasic authentication;
    private final int timeoutMillis;
    private final long keyRefreshMillis;
    private volatile Endpoints endpoints;

    Provider(OidcConfig config) {
        this.issuer = new Issuer(required("issuer", config.issuer()));
        this.client = new ClientID(required("clientId", config.clientId()));
        this.authentication = new ClientSecretBasic(client, new Secret(required("clientSecret",
                config.clientSecret())));
        this.timeoutMillis = config.timeoutSeconds() * 1000;
        this.keyRefreshMillis = config.keyRefreshSeconds() * 1000L;
    }

    static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required in " + OidcConfig.PID + ".cfg");
        }
        return value.strip();
    }

    ClientID client() {
        return client;
    }

    OIDCProviderMetadata metadata() throws SignOnException {
        return endpoints().metadata();
    }

    private Endpoints endpoints() throws SignOnException {
        Endpoints known = endpoints;
        if (known != null) {
            return known;
        }
        try {
            OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(issuer, timeoutMillis, timeoutMillis);
            JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(
                    metadata.getJWKSetURI().toURL(), new DefaultResourceRetriever(timeoutMillis, timeoutMillis))
                    .rateLimited(keyRefreshMillis).build();
            Set<JWSAlgorithm> algorithms = new HashSet<>(metadata.getIDTokenJWSAlgs() == null
                    ? Set.of(JWSAlgorithm.RS256) : metadata.getIDTokenJWSAlgs());
            algorithms.remove(new JWSAlgorithm("none"));
            JWSVerificationKeySelector<SecurityContext> selector = new JWSVerificationKeySelector<>(algorithms, keys);
            known = new Endpoints(metadata, new IDTokenValidator(issuer, client, selector, null),
                    new LogoutTokenValidator(issuer, client, false, selector, null));
            endpoints = known;
            return known;
        } catch (IOException | GeneralException e) {
            throw SignOnException.unavailable("its metadata at " + issuer + " could not be read (" + e.getMessage()
                    + ").", e);
        }
    }

    /** Sends a grant to the token endpoint. */
    Answer token(AuthorizationGrant grant) throws SignOnException {
        HTTPRequest request = new TokenRequest(metadata().getTokenEndpointURI(), authentication, grant)
                .toHTTPRequest();
        request.setConnectTimeout(timeoutMillis);
        request.setReadTimeout(timeoutMillis);
        TokenResponse response;
        try {
            response = OIDCTokenResponseParser.parse(request.send());
        } catch (IOException | ParseException e) {
            throw SignOnException.unavailable("its token endpoint did not answer (" + e.getMessage() + ").", e);
        }
        if (!response.indicatesSuccess()) {
            ErrorObject error = response.toErrorResponse().getErrorObject();
            if (error.getHTTPStatusCode() >= 500) {
                throw SignOnException.unavailable("its token endpoint failed (" + error.getCode() + ").", null);
            }
            throw new SignOnException(error.getCode() == null ? "token-refused" : error.getCode(), "The provider "
                    + "refused the grant: " + error.getCode() + (error.getDescription() == null ? ""
                            : " (" + error.getDescription() + ")") + ".");
        }
        var tokens = response.toSuccessResponse().getTokens();
        JWT idToken = response instanceof OIDCTokenResponse oidc ? oidc.getOIDCTokens().getIDToken() : null;
        return new Answer(idToken, tokens.getRefreshToken() == null ? null : tokens.getRefreshToken().getValue());
    }

    /** Checks an ID token: signature by a current key of the provider, issuer, audience, expiry and nonce. */
    IDTokenClaimsSet idToken(JWT token, Nonce nonce) throws SignOnException {
        try {
            return endpoints().idTokens().validate(token, nonce);
        } catch (BadJOSEException | JOSEException e) {
            throw new SignOnException("invalid-token", "The provider's ID token does not hold: " + e.getMessage());
        }
    }

    /** Checks a back-channel logout token the same way, and that it is one. */
    LogoutTokenClaimsSet logoutToken(JWT token) throws SignOnException {
        try {
            return endpoints().logoutTokens().validate(token);
        } catch (BadJOSEException | JOSEException e) {
            throw new SignOnException("invalid-token", "The logout token does not hold: " + e.getMessage());
        }
    }

    /** The provider's end-session page, if it has one. */
    URI endSession() throws SignOnException {
        return metadata().getEndSessionEndpointURI();
    }

    static URI uri(String name, String value) {
        try {
            URI uri = URI.create(required(name, value));
            uri.toURL();
            return uri;
        } catch (IllegalArgumentException | MalformedURLException e) {
            throw new IllegalArgumentException(name + " is no URL: " + value, e);
        }
    }
}
