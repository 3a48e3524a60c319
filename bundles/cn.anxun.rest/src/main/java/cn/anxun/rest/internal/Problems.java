package cn.anxun.rest.internal;

import java.util.List;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import cn.anxun.rest.Problem;

/** Builds problem-details responses. */
final class Problems {

    static final MediaType MEDIA_TYPE = MediaType.valueOf(Problem.MEDIA_TYPE);

    private Problems() {
    }

    static Response response(Problem problem) {
        return Response.status(problem.status()).type(MEDIA_TYPE).entity(problem).build();
    }

    static Problem problem(int status, String slug, String title, String detail, UriInfo request,
            List<Problem.FieldError> errors) {
        return new Problem(Problem.type(slug), title, status, detail, path(request), errors);
    }

    /** The request path as the caller sent it, e.g. {@code /api/v1/cities/4401}. */
    static String path(UriInfo request) {
        try {
            return request.getRequestUri().getRawPath();
        } catch (RuntimeException outsideARequest) {
            return null;
        }
    }
}
