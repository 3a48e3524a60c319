package cn.anxun.rest.internal;

import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;

import org.apache.cxf.jaxrs.ext.ContextProvider;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import cn.anxun.identity.AuthenticationRequiredException;
import cn.anxun.identity.Caller;
import cn.anxun.identity.Sessions;
import cn.anxun.rest.Anonymous;
import cn.anxun.rest.ApiProvider;

/**
 * Turns the bearer token of each request, or a browser page's session cookie ({@link SessionCookies}), into the
 * {@link Caller} that resource methods receive with {@code @Context Caller}, and names each request with an id
 * (answered as {@code X-Request-Id}) that its audit rows carry. A request without a token gets an anonymous caller;
 * the services decide what that may do. A token that is present but not valid ends the request with 401, and so
 * does a request without a token that carries a body to a method not marked {@link Anonymous}, before its body is
 * read.
 */
@Component(service = ApiProvider.class, configurationPid = ApiConfig.PID)
@Designate(ocd = ApiConfig.class)
public class CallerAuthentication implements ContainerRequestFilter, ContainerResponseFilter, ContextProvider<Caller>,
        ApiProvider {

    static final String REQUEST_ID = "X-Request-Id";
    private static final Pattern BEARER = Pattern.compile("(?i)bearer +(\\S+)");
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final Pattern GIVEN_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private final Sessions sessions;
    private volatile Set<String> trustedProxies;

    @Context
    private ResourceInfo resource;

    @Context
    private HttpServletRequest connection;

    @Activate
    public CallerAuthentication(@Reference Sessions sessions, ApiConfig config) {
        this.sessions = sessions;
        modified(config);
    }

    @Modified
    void modified(ApiConfig config) {
        // a .cfg file gives one string: its commas separate the addresses
        trustedProxies = Arrays.stream(config.trustedProxies()).flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip).filter(address -> !address.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String given = request.getHeaderString(REQUEST_ID);
        String requestId = given != null && GIVEN_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        Message message = PhaseInterceptorChain.getCurrentMessage();
        message.getExchange().put(REQUEST_ID, requestId);
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String cookie = SessionCookies.token(request.getCookies(), SessionCookies.ACCESS);
        Caller caller;
        if (authorization == null && cookie != null) {
            if (!SAFE.contains(request.getMethod())) {
                SessionCookies.requireOwnPage(request.getHeaderString(SessionCookies.REQUESTED_WITH));
            }
            caller = fromCookie(cookie, requestId);
        } else if (authorization == null || ClientCredentials.BASIC.matcher(authorization.strip()).matches()
                && resource.getResourceMethod().isAnnotationPresent(Anonymous.class)) {
            // client credentials are the token endpoint's to check
            caller = Caller.anonymous(requestId);
        } else {
            var bearer = BEARER.matcher(authorization.strip());
            if (!bearer.matches()) {
                throw new AuthenticationRequiredException("invalid-token", "The Authorization header must be "
                        + "'Bearer <access token>'; get a token with POST /api/v1/auth/login.");
            }
            caller = sessions.authenticate(bearer.group(1), requestId);
        }
        caller = caller.from(ClientAddress.of(connection.getRemoteAddr(), request.getHeaderString("X-Forwarded-For"),
                trustedProxies));
        message.getExchange().put(Caller.class, caller);
        if (!caller.authenticated() && carriesBody(request)
                && !resource.getResourceMethod().isAnnotationPresent(Anonymous.class)) {
            throw new AuthenticationRequiredException("login-required", "Log in first: this request carries a body "
                    + "and needs a caller; get a token with POST /api/v1/auth/login. The body was not read.");
        }
    }

    /** A cookie left from a session that ended does not keep its page from logging in again. */
    private Caller fromCookie(String token, String requestId) {
        try {
            return sessions.authenticate(token, requestId);
        } catch (AuthenticationRequiredException e) {
            if (resource.getResourceMethod().isAnnotationPresent(Anonymous.class)) {
                return Caller.anonymous(requestId);
            }
            throw e;
        }
    }

    private static boolean carriesBody(ContainerRequestContext request) {
        return request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        Object requestId = message == null ? null : message.getExchange().get(REQUEST_ID);
        if (requestId != null) {
            response.getHeaders().putSingle(REQUEST_ID, requestId);
        }
    }

    @Override
    public Caller createContext(Message message) {
        Caller caller = message.getExchange().get(Caller.class);
        return caller != null ? caller : Caller.anonymous(UUID.randomUUID().toString());
    }
}
