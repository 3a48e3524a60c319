package cn.anxun.rest.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;

import cn.anxun.identity.AccessDeniedException;
import cn.anxun.identity.AuthenticationRequiredException;
import cn.anxun.identity.ConflictException;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.LoginRefusedException;
import cn.anxun.identity.TooManyRequestsException;
import cn.anxun.identity.NotFoundException;
import cn.anxun.identity.ServiceException;
import cn.anxun.identity.ServiceUnavailableException;
import cn.anxun.identity.SignOnRefusedException;
import cn.anxun.rest.Problem;

/** The refusals of the platform's services, as problem details with the status each one means. */
public class ServiceExceptionMapper implements ExceptionMapper<ServiceException> {

    /** How soon to try again when a part is missing: a plugin being swapped takes seconds. */
    private static final int RETRY_SECONDS = 30;

    private final Clock clock;

    @Context
    private UriInfo uriInfo;

    ServiceExceptionMapper(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Response toResponse(ServiceException exception) {
        if (exception instanceof InvalidInputException invalid) {
            List<Problem.FieldError> errors = invalid.violations().stream()
                    .map(v -> new Problem.FieldError(v.field(), v.rule(), v.message())).toList();
            return response(problem(422, "invalid-input", "Invalid input", "The request breaks "
                    + errors.size() + " rule(s); nothing was stored: " + exception.getMessage() + ".", errors));
        }
        if (exception instanceof AuthenticationRequiredException unauthenticated) {
            String challenge = "login-required".equals(unauthenticated.reason()) ? "Bearer"
                    : "Bearer error=\"invalid_token\"";
            return Response.fromResponse(response(problem(401, unauthenticated.reason(), "Not authenticated",
                    exception.getMessage(), List.of()))).header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
        }
        if (exception instanceof LoginRefusedException refused) {
            return loginRefused(refused);
        }
        if (exception instanceof SignOnRefusedException refused) {
            return response(problem(403, refused.reason(), "Sign-on refused", exception.getMessage(), List.of()));
        }
        if (exception instanceof TooManyRequestsException tooMany) {
            return Response.fromResponse(response(problem(429, "too-many-requests", "Too many requests",
                    exception.getMessage(), List.of()))).header(HttpHeaders.RETRY_AFTER,
                    secondsUntil(tooMany.retryAt())).build();
        }
        if (exception instanceof AccessDeniedException) {
            return response(problem(403, "forbidden", "Forbidden", exception.getMessage(), List.of()));
        }
        if (exception instanceof ConflictException) {
            return response(problem(409, "conflict", "Conflict", exception.getMessage(), List.of()));
        }
        if (exception instanceof ServiceUnavailableException) {
            return Response.fromResponse(response(problem(503, "service-unavailable", "Service unavailable",
                    exception.getMessage(), List.of()))).header(HttpHeaders.RETRY_AFTER, RETRY_SECONDS).build();
        }
        if (exception instanceof NotFoundException) {
            return response(problem(404, "not-found", "Not found", exception.getMessage(), List.of()));
        }
        throw new IllegalStateException("no problem type for " + exception.getClass().getName(), exception);
    }

    private Response loginRefused(LoginRefusedException refused) {
        Response response = switch (refused.reason()) {
            case BAD_CREDENTIALS -> Response.fromResponse(response(problem(401, "login-failed", "Login failed",
                    refused.getMessage(), List.of()))).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
            case THROTTLED -> response(problem(429, "login-throttled", "Too many failed logins",
                    refused.getMessage(), List.of()));
            case LOCKED -> response(problem(423, "account-locked", "Account locked", refused.getMessage(), List.of()));
            case PASSWORD_EXPIRED -> response(problem(401, "password-expired", "Password expired",
                    refused.getMessage(), List.of()));
        };
        return refused.retryAt() == null ? response : Response.fromResponse(response)
                .header(HttpHeaders.RETRY_AFTER, secondsUntil(refused.retryAt())).build();
    }

    private long secondsUntil(Instant at) {
        return Math.max(1, Duration.between(clock.instant(), at).toSeconds() + 1);
    }

    private Problem problem(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        return Problems.problem(status, slug, title, detail, uriInfo, errors);
    }

    private static Response response(Problem problem) {
        return Problems.response(problem);
    }
}
