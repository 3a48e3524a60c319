package cn.anxun.rest.internal;

import java.util.List;
import java.util.UUID;

import javax.ws.rs.core.Context;
import javax.ws.rs.core.Request;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Anything else: logged in full with a reference, answered with the reference only — no stack trace leaves. */
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Context
    private UriInfo uriInfo;

    @Context
    private Request request;

    @Override
    public Response toResponse(Throwable exception) {
        String reference = UUID.randomUUID().toString();
        LOG.error("Unexpected error {} answering {} {}", reference, request.getMethod(), Problems.path(uriInfo), exception);
        return Problems.response(Problems.problem(500, "internal-error", "Internal error",
                "The platform could not complete this request. It has been logged under reference " + reference
                        + "; quote it when you contact support.", uriInfo, List.of()));
    }
}
