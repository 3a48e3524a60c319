package cn.anxun.rest.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.anxun.identity.AuthenticationRequiredException;
import cn.anxun.identity.InvalidInputException;

/**
 * What a token request says (RFC 6749, section 4.4.2): its form, and the client credentials in an HTTP Basic
 * {@code Authorization} header (RFC 7617), which only the token endpoint reads.
 */
final class ClientCredentials {

    static final Pattern BASIC = Pattern.compile("(?i)basic +(\\S+)");

    private ClientCredentials() {
    }

    /**
     * The fields of an {@code application/x-www-form-urlencoded} body, read here so that a malformed escape is the
     * request's fault.
     *
     * @throws InvalidInputException naming the body if an escape is malformed, or a field given twice
     */
    static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body == null || body.isEmpty() ? new String[0] : body.split("&")) {
            int equals = pair.indexOf('=');
            String name = decoded(equals < 0 ? pair : pair.substring(0, equals));
            if (fields.put(name, equals < 0 ? "" : decoded(pair.substring(equals + 1))) != null) {
                throw new InvalidInputException(name, "once", "is given once (RFC 6749, section 3.2)");
            }
        }
        return fields;
    }

    private static String decoded(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("body", "form-encoding", "is name=value pairs joined by &, each "
                    + "percent-encoded (application/x-www-form-urlencoded)");
        }
    }

    /** The client's id and secret, or {@code null} without a Basic header. */
    static String[] basic(String authorization) {
        Matcher basic = BASIC.matcher(authorization == null ? "" : authorization.strip());
        if (!basic.matches()) {
            return null;
        }
        try {
            String[] pair = new String(Base64.getDecoder().decode(basic.group(1)), StandardCharsets.UTF_8)
                    .split(":", 2);
            if (pair.length == 2) {
                // each form-encoded before it was joined (RFC 6749, section 2.3.1)
                return new String[] {decoded(pair[0]), decoded(pair[1])};
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new AuthenticationRequiredException("invalid-client", "The Authorization header of a token request "
                + "must be 'Basic <base64 of client_id:client_secret>'.");
    }
}
