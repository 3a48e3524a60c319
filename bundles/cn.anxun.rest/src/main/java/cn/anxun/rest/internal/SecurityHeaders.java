package cn.anxun.rest.internal;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MultivaluedMap;

/**
 * Headers on every answer of the web API. Answers carry tokens, passwords and personal data, so no cache keeps one
 * unless its resource says otherwise; no answer is sniffed into another type, runs a script or is framed, and no
 * address of the API leaks to another site. Over TLS, browsers are told to keep to it.
 */
public class SecurityHeaders implements ContainerResponseFilter {

    /** One year, as browsers' preload lists ask. */
    private static final String STRICT_TRANSPORT = "max-age=31536000";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        if (!headers.containsKey(HttpHeaders.CACHE_CONTROL)) {
            headers.putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "no-referrer");
        // a page the API serves brings its own policy, as strict, allowing its own style by hash
        if (!headers.containsKey("Content-Security-Policy")) {
            headers.putSingle("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        }
        if (request.getSecurityContext().isSecure()) {
            headers.putSingle("Strict-Transport-Security", STRICT_TRANSPORT);
        }
    }
}
