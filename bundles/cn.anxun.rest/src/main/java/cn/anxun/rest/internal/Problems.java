package cn.anxun.rest.internal;

import java.util.Arrays;
import java.util.List;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import cn.anxun.rest.Problem;
import cn.anxun.rest.ProblemException;

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

    /** The constant of an enum a query parameter names; 400 naming the parameter and the choices otherwise. */
    static <E extends Enum<E>> E oneOf(String parameter, Class<E> type, String value) {
        String choices = Arrays.toString(type.getEnumConstants());
        if (value == null) {
            throw ProblemException.invalidParameter(parameter, "required", "is required: one of " + choices);
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidParameter(parameter, "one-of", "must be one of " + choices);
        }
    }

    /** The value of a body or a query parameter that must be there; 400 naming it otherwise. */
    static <T> T required(String parameter, T value) {
        if (value == null) {
            throw ProblemException.invalidParameter(parameter, "required", "is required");
        }
        return value;
    }
}
