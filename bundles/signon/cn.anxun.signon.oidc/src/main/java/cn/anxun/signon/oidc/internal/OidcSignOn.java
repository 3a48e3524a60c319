package cn.anxun.signon.oidc.internal;

import java.net.URI;
import java.text.ParseException;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;

import cn.anxun.api.identity.SignOnException;
import cn.anxun.api.identity.SignOnStart;
import cn.anxun.api.identity.SignedOnStaff;
import cn.anxun.api.identity.SignedOut;
import cn.anxun.api.identity.StaffSignOn;

/**
 * Staff sign-on through an OpenID Connect provider: the authorization code flow with PKCE (S256) and a nonce, the
 * client authenticated by its secret. The ID token is checked (signature by the provider's current keys, issuer,
 * audience, expiry, nonce) before its claims are mapped; each refresh of the platform's session asks the provider
 * again with its refresh token. Registered only once {@code etc/cn.anxun.signon.oidc.cfg} exists.
 */
@Component(service = StaffSignOn.class, configurationPid = OidcConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = OidcConfig.class)
public class OidcSignOn implements StaffSignOn {

    static final String ID = "oidc";

    private final String label;
    private final Provider provider;
    private final ClaimMapping mapping;
    private final URI redirectUri;
    private final URI postLogoutRedirectUri;
    private final Scope scopes;

    @Activate
    public OidcSignOn(OidcConfig config) {
        this.label = config.label();
        this.provider = new Provider(config);
        this.mapping = ClaimMapping.of(config);
        this.redirectUri = Provider.uri("redirectUri", config.redirectUri());
        this.postLogoutRedirectUri = config.postLogoutRedirectUri().isBlank() ? null
                : Provider.uri("postLogoutRedirectUri", config.postLogoutRedirectUri());
        this.scopes = Scope.parse(config.scopes());
        if (!scopes.contains("openid")) {
            throw new IllegalArgumentException("scopes must contain openid: " + config.scopes());
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public SignOnStart begin(String state) throws SignOnException {
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        URI authorization = new AuthenticationRequest.Builder(ResponseType.CODE, scopes, provider.client(),
                redirectUri).endpointURI(provider.metadata().getAuthorizationEndpointURI()).state(new State(state))
                .nonce(nonce).codeChallenge(verifier, CodeChallengeMethod.S256).build().toURI();
        return new SignOnStart(authorization, nonce.getValue() + " " + verifier.getValue());
    }

    @Override
    public SignedOnStaff complete(Map<String, String> parameters, String kept) throws SignOnException {
        String error = parameters.get("error");
        if (error != null) {
            throw new SignOnException(error, "The provider answered " + error + (parameters.get("error_description")
                    == null ? "" : ": " + parameters.get("error_description")) + ".");
        }
        String code = parameters.get("code");
        if (code == null || code.isBlank()) {
            throw new SignOnException("no-code", "The provider sent the browser back without a code.");
        }
        String[] nonceAndVerifier = kept.split(" ", 2);
        Provider.Answer answer = provider.token(new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri,
                new CodeVerifier(nonceAndVerifier[1])));
        if (answer.idToken() == null) {
            throw new SignOnException("no-id-token", "The provider answered the code without an ID token.");
        }
        return staff(answer.idToken(), provider.idToken(answer.idToken(), new Nonce(nonceAndVerifier[0]))
                .toJSONObject(), answer.refreshToken());
    }

    @Override
    public Optional<SignedOnStaff> renew(String session) throws SignOnException {
        Session kept = Session.of(session);
        if (kept.refreshToken() == null) {
            throw new SignOnException("no-refresh-token", "The provider gave no refresh token to renew with.");
        }
        Provider.Answer answer;
        try {
            answer = provider.token(new RefreshTokenGrant(new RefreshToken(kept.refreshToken())));
        } catch (SignOnException e) {
            if ("invalid_grant".equals(e.reason())) {
                return Optional.empty(); // signed out, disabled or expired at the provider
            }
            throw e;
        }
        String refreshToken = answer.refreshToken() == null ? kept.refreshToken() : answer.refreshToken();
        if (answer.idToken() == null) {
            return Optional.of(staff(kept.idToken(), claims(kept.idToken()), refreshToken));
        }
        return Optional.of(staff(answer.idToken(), provider.idToken(answer.idToken(), null).toJSONObject(),
                refreshToken));
    }

    @Override
    public SignedOut signedOut(Map<String, String> form) throws SignOnException {
        String token = form.get("logout_token");
        if (token == null || token.isBlank()) {
            throw new SignOnException("no-logout-token", "The form has no logout_token.");
        }
        LogoutTokenClaimsSet claims;
        try {
            claims = provider.logoutToken(JWTParser.parse(token));
        } catch (ParseException e) {
            throw new SignOnException("invalid-token", "The logout token is no JWT.");
        }
        return new SignedOut(claims.getSubject() == null ? null : claims.getSubject().getValue(),
                claims.getSessionID() == null ? null : claims.getSessionID().getValue());
    }

    @Override
    public Optional<URI> endSession(String session) {
        try {
            URI endpoint = provider.endSession();
            return endpoint == null ? Optional.empty() : Optional.of(new LogoutRequest(endpoint,
                    Session.of(session).idToken(), postLogoutRedirectUri, null).toURI());
        } catch (SignOnException e) {
            return Optional.empty(); // the platform's own logout goes on; the provider's session stays
        }
    }

    private SignedOnStaff staff(JWT idToken, Map<String, Object> claims, String refreshToken)
            throws SignOnException {
        Object subject = claims.get("sub");
        Object sid = claims.get("sid");
        return mapping.staff(claims, String.valueOf(subject), sid instanceof String text ? text : null,
                new Session(idToken, refreshToken).toString());
    }

    /** The claims of an ID token that was checked when it came. */
    private static Map<String, Object> claims(JWT idToken) throws SignOnException {
        try {
            return idToken.getJWTClaimsSet().getClaims();
        } catch (ParseException e) {
            throw new SignOnException("invalid-token", "The kept ID token does not read.");
        }
    }
}
