package cn.anxun.rest.internal;

import java.util.Map;

import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;

import cn.anxun.identity.AuthenticationRequiredException;
import cn.anxun.identity.Tokens;

/**
 * A browser page's login: its tokens travel as cookies no script can read (HttpOnly), sent only by pages of this
 * site (SameSite=Strict), the refresh token only to {@code /api/v1/auth}. A request they authenticate that changes
 * something must also carry {@value #REQUESTED_WITH}, a header another site's page cannot send without the API's
 * consent (CORS), which it never gives.
 */
final class SessionCookies {

    static final String ACCESS = "anxun_access";
    static final String REFRESH = "anxun_refresh";
    static final String REQUESTED_WITH = "X-Requested-With";
    private static final String API = "/api" + ApiServer.ADDRESS;

    private SessionCookies() {
    }

    /** The answer to a login or refresh in cookies: the body says only how long each lasts. */
    static Response issued(Tokens tokens, boolean secure) {
        return Response.ok(new Tokens(null, tokens.tokenType(), tokens.expiresIn(), null, tokens.refreshExpiresIn()))
                .header(HttpHeaders.SET_COOKIE, cookie(ACCESS, tokens.accessToken(), API, tokens.expiresIn(), secure))
                .header(HttpHeaders.SET_COOKIE, cookie(REFRESH, tokens.refreshToken(), API + "/auth",
                        tokens.refreshExpiresIn(), secure))
                .build();
    }

    /** A logout's answer: both cookies removed. */
    static Response cleared(boolean secure) {
        return Response.noContent().header(HttpHeaders.SET_COOKIE, cookie(ACCESS, "", API, 0, secure))
                .header(HttpHeaders.SET_COOKIE, cookie(REFRESH, "", API + "/auth", 0, secure)).build();
    }

    /** The cookie's token, or null without one. */
    static String token(Map<String, Cookie> cookies, String name) {
        Cookie cookie = cookies.get(name);
        return cookie == null || cookie.getValue().isEmpty() ? null : cookie.getValue();
    }

    /** Refuses a change authenticated by a cookie that lacks the header only this site's pages send. */
    static void requireOwnPage(String requestedWith) {
        if (requestedWith == null) {
            throw new AuthenticationRequiredException("cookie-without-header", "A request authenticated by the "
                    + "session cookie that changes something must carry the header " + REQUESTED_WITH + ".");
        }
    }

    /** JAX-RS 2.1's NewCookie knows no SameSite, so the header is written whole. */
    private static String cookie(String name, String value, String path, long maxAge, boolean secure) {
        return name + "=" + value + "; Path=" + path + "; Max-Age=" + maxAge + "; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "");
    }
}
