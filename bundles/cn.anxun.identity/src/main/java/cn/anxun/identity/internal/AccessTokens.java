package cn.anxun.identity.internal;

import java.time.Instant;

import javax.crypto.SecretKey;

import org.apache.cxf.rs.security.jose.jwa.SignatureAlgorithm;
import org.apache.cxf.rs.security.jose.jws.HmacJwsSignatureProvider;
import org.apache.cxf.rs.security.jose.jws.HmacJwsSignatureVerifier;
import org.apache.cxf.rs.security.jose.jws.JwsHeaders;
import org.apache.cxf.rs.security.jose.jws.JwsJwtCompactConsumer;
import org.apache.cxf.rs.security.jose.jws.JwsJwtCompactProducer;
import org.apache.cxf.rs.security.jose.jwt.JwtClaims;
import org.apache.cxf.rs.security.jose.jwt.JwtToken;

import cn.anxun.identity.AuthenticationRequiredException;

/**
 * Access tokens: JWS-signed JWTs (HS256, CXF JOSE) naming the account and the login session. The key id in the
 * header picks the verification key, so signing keys can rotate while older tokens run out.
 */
final class AccessTokens {

    static final String ISSUER = "anxun";
    private static final String SESSION_CLAIM = "sid";

    /** What a valid token says. */
    record Claims(String accountId, String sessionId) {
    }

    private final KeySet keys;

    AccessTokens(KeySet keys) {
        this.keys = keys;
    }

    String issue(String accountId, String sessionId, Instant issuedAt, Instant expiresAt) {
        JwsHeaders headers = new JwsHeaders(SignatureAlgorithm.HS256);
        headers.setKeyId(String.valueOf(keys.activeId()));
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(accountId);
        claims.setClaim(SESSION_CLAIM, sessionId);
        claims.setIssuedAt(issuedAt.getEpochSecond());
        claims.setExpiryTime(expiresAt.getEpochSecond());
        return new JwsJwtCompactProducer(new JwtToken(headers, claims))
                .signWith(new HmacJwsSignatureProvider(keys.active().getEncoded(), SignatureAlgorithm.HS256));
    }

    /** The claims of a token this platform signed and that has not expired at {@code now}. */
    Claims verify(String token, Instant now) {
        JwtClaims claims;
        Long expiry;
        Object session;
        try {
            JwsJwtCompactConsumer consumer = new JwsJwtCompactConsumer(token);
            JwtToken jwt = consumer.getJwtToken();
            SecretKey key = key(jwt.getJwsHeaders().getKeyId());
            if (key == null || jwt.getJwsHeaders().getSignatureAlgorithm() != SignatureAlgorithm.HS256
                    || !consumer.verifySignatureWith(new HmacJwsSignatureVerifier(key.getEncoded(),
                            SignatureAlgorithm.HS256))) {
                throw invalid("does not carry a valid signature of this platform");
            }
            claims = jwt.getClaims();
            expiry = claims.getExpiryTime();
            session = claims.getClaim(SESSION_CLAIM);
        } catch (AuthenticationRequiredException e) {
            throw e;
        } catch (RuntimeException malformed) {
            // whatever CXF makes of a malformed header, claim or signature: the caller's token is invalid
            throw invalid("is not a well-formed signed JWT of this platform");
        }
        if (!ISSUER.equals(claims.getIssuer()) || claims.getSubject() == null || expiry == null
                || !(session instanceof String)) {
            throw invalid("lacks the claims of an access token");
        }
        Instant expiresAt = Instant.ofEpochSecond(expiry);
        if (!now.isBefore(expiresAt)) {
            throw new AuthenticationRequiredException("token-expired", "The access token expired at " + expiresAt
                    + ". Get a new one with POST /api/v1/auth/refresh, or log in again.");
        }
        return new Claims(claims.getSubject(), (String) session);
    }

    private SecretKey key(String keyId) {
        try {
            return keyId == null ? null : keys.get(Integer.parseInt(keyId));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static AuthenticationRequiredException invalid(String what) {
        return new AuthenticationRequiredException("invalid-token", "The bearer token " + what
                + ". Log in with POST /api/v1/auth/login to get one.");
    }
}
