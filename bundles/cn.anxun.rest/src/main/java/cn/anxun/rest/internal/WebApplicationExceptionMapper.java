package cn.anxun.rest.internal;

import java.util.List;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Request;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.Response.Status;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;

import cn.anxun.rest.Problem;

/** The HTTP-level failures the JAX-RS runtime raises itself: no route, wrong method, wrong media type. */
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    /** Headers of the runtime's own answer that tell the caller what to do next. */
    private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.ALLOW, HttpHeaders.RETRY_AFTER);

    @Context
    private UriInfo uriInfo;

    @Context
    private Request request;

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        String method = request.getMethod();
        String path = Problems.path(uriInfo);
        Problem problem = switch (status) {
            case 404 -> problem(status, "not-found", "Not found", "Nothing answers " + method + " " + path
                    + ". The web API lives under /api/v1 and is described at /api/v1/openapi.json.");
            case 405 -> problem(status, "method-not-allowed", "Method not allowed", method + " is not allowed on "
                    + path + "; allowed: " + original.getHeaderString(HttpHeaders.ALLOW) + ".");
            case 406 -> problem(status, "not-acceptable", "Not acceptable", "This resource answers in "
                    + "application/json only; send 'Accept: application/json' or leave Accept out.");
            case 415 -> problem(status, "unsupported-media-type", "Unsupported media type",
                    "Send the request body as application/json with 'Content-Type: application/json'.");
            case 503 -> problem(status, "service-unavailable", "Service unavailable", exception.getMessage());
            default -> problem(status, "http-" + status, reason(status), exception.getMessage() == null
                    ? reason(status) : exception.getMessage());
        };
        Response.ResponseBuilder response = Response.fromResponse(Problems.response(problem));
        for (String header : KEPT_HEADERS) {
            String value = original.getHeaderString(header);
            if (value != null) {
                response.header(header, value);
            }
        }
        return response.build();
    }

    private Problem problem(int status, String slug, String title, String detail) {
        return Problems.problem(status, slug, title, detail, uriInfo, List.of());
    }

    private static String reason(int status) {
        Status known = Status.fromStatusCode(status);
        return known == null ? "HTTP " + status : known.getReasonPhrase();
    }
}
