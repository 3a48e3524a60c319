package cn.anxun.rest.internal;

import java.util.Map;

import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.Response.ResponseBuilder;

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
    /** Binds a staff sign-on to the browser that began it; Lax, as the provider sends the browser back. */
    static final String SIGN_ON = "anxun_signon";
    static final String REQUESTED_WITH = "X-Requested-With";
    private static final String API = "/api" + ApiServer.ADDRESS;
    private static final String SIGN_ON_PATH = API + "/auth/signon";

    private SessionCookies() {
    }

    /** The answer to a login or refresh in cookies: the body says only how long each lasts. */
    static Response issued(Tokens tokens, boolean secure) {
        return session(Response.ok(new Tokens(null, tokens.tokenType(), tokens.expiresIn(), null,
                tokens.refreshExpiresIn())), tokens, secure).build();
    }

    /** Sets the session's two cookies on an answer. */
    static ResponseBuilder session(ResponseBuilder answer, Tokens tokens, boolean secure) {
        return answer.header(HttpHeaders.SET_COOKIE, cookie(ACCESS, tokens.accessToken(), API, tokens.expiresIn(),
                "Strict", secure)).header(HttpHeaders.SET_COOKIE, cookie(REFRESH, tokens.refreshToken(),
                        API + "/auth", tokens.refreshExpiresIn(), "Strict", secure));
    }

    /** Removes the session's two cookies from the browser. */
    static ResponseBuilder cleared(ResponseBuilder answer, boolean secure) {
        return answer.header(HttpHeaders.SET_COOKIE, cookie(ACCESS, "", API, 0, "Strict", secure))
                .header(HttpHeaders.SET_COOKIE, cookie(REFRESH, "", API + "/auth", 0, "Strict", secure));
    }

    /** The cookie that binds a sign-on to this browser, or its removal with an empty value. */
    static String signOn(String binding, long maxAge, boolean secure) {
        return cookie(SIGN_ON, binding, SIGN_ON_PATH, maxAge, "Lax", secure);
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
    private static String cookie(String name, String value, String path, long maxAge, String sameSite,
            boolean secure) {
        return name + "=" + value + "; Path=" + path + "; Max-Age=" + maxAge + "; HttpOnly; SameSite=" + sameSite
                + (secure ? "; Secure" : "");
    }
}
