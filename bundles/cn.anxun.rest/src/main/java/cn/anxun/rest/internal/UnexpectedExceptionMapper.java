package cn.anxun.rest.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Request;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.anxun.platform.persistence.DatabaseFailure;

/**
 * Anything a service did not answer itself. A database that cannot answer is 503 with Retry-After, logged with what
 * the database or the pool said; a concurrent write that won is 409; anything else is logged in full with a
 * reference and answered with the reference only — no stack trace leaves.
 */
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);
    /** A database restarting or a pool freeing up takes seconds. */
    static final int DATABASE_RETRY_SECONDS = 10;

    @Context
    private UriInfo uriInfo;

    @Context
    private Request request;

    @Override
    public Response toResponse(Throwable exception) {
        Optional<DatabaseFailure> database = DatabaseFailure.of(exception);
        if (database.isPresent() && database.get() == DatabaseFailure.UNAVAILABLE) {
            LOG.warn("Database unavailable answering {} {}: {}", request.getMethod(), Problems.path(uriInfo),
                    DatabaseFailure.rootMessage(exception));
            return Response.fromResponse(Problems.response(Problems.problem(503, "database-unavailable",
                    "Database unavailable", "The platform's database did not answer; nothing was stored. Try again "
                            + "in a moment.", uriInfo, List.of())))
                    .header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_SECONDS).build();
        }
        if (database.isPresent()) {
            return Problems.response(Problems.problem(409, "conflict", "Conflict", "The record changed at the same "
                    + "moment; nothing was stored. Read it again and retry.", uriInfo, List.of()));
        }
        String reference = UUID.randomUUID().toString();
        LOG.error("Unexpected error {} answering {} {}", reference, request.getMethod(), Problems.path(uriInfo), exception);
        return Problems.response(Problems.problem(500, "internal-error", "Internal error",
                "The platform could not complete this request. It has been logged under reference " + reference
                        + "; quote it when you contact support.", uriInfo, List.of()));
    }
}
