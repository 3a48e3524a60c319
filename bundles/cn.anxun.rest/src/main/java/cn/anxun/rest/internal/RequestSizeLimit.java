package cn.anxun.rest.internal;

import java.util.List;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.Response.Status;

import cn.anxun.rest.Problem;
import cn.anxun.rest.ProblemException;

/**
 * Refuses a request body announced larger than any request of the API needs, before it is read. A body sent without
 * a length is bounded while it is parsed instead ({@link Json#MAX_STRING_LENGTH}). The chunks of a media upload are
 * bounded by the media library, which streams them to disk.
 */
@PreMatching
public class RequestSizeLimit implements ContainerRequestFilter {

    static final long MAX_BYTES = 6L * 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > MAX_BYTES && !isUploadChunk(request)) {
            throw new ProblemException(Status.REQUEST_ENTITY_TOO_LARGE, "payload-too-large", "Payload too large",
                    "The request body has " + request.getLength() + " bytes; at most " + MAX_BYTES + " are accepted.",
                    List.of(new Problem.FieldError("body", "max-size", "must be at most " + MAX_BYTES + " bytes")));
        }
    }

    private static boolean isUploadChunk(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return "PUT".equals(request.getMethod()) && path.replaceFirst("^/", "").startsWith("media-uploads/");
    }
}
