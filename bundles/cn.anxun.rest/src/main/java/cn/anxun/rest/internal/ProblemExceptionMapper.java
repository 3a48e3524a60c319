package cn.anxun.rest.internal;

import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;

import cn.anxun.rest.ProblemException;

/** Problems the resources raise on purpose. */
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(ProblemException exception) {
        return Problems.response(exception.toProblem(Problems.path(uriInfo)));
    }
}
