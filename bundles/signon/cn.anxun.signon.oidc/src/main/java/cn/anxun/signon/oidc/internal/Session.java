package cn.anxun.signon.oidc.internal;

import java.text.ParseException;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;

import cn.anxun.api.identity.SignOnException;

/** What the plugin keeps of a login (sealed by the platform): the last ID token and the refresh token. */
record Session(JWT idToken, String refreshToken) {

    static Session of(String kept) throws SignOnException {
        String[] parts = kept.split(" ", 2);
        try {
            return new Session(JWTParser.parse(parts[0]), parts.length < 2 || parts[1].isEmpty() ? null : parts[1]);
        } catch (ParseException e) {
            throw new SignOnException("invalid-session", "The kept session does not read.");
        }
    }

    @Override
    public String toString() {
        return idToken.serialize() + " " + (refreshToken == null ? "" : refreshToken);
    }
}
