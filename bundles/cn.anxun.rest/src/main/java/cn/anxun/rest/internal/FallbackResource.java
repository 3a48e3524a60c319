package cn.anxun.rest.internal;

import java.util.regex.Pattern;

import javax.ws.rs.NotFoundException;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.ServiceUnavailableException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.UriInfo;

import io.swagger.v3.oas.annotations.Hidden;

/** Every path under {@code /api} that reaches it, whatever the method. */
@Hidden
@Path("/")
public class FallbackResource {

    static final long RETRY_AFTER_SECONDS = 1;

    /** An escaped slash or backslash: no path of the API has one, but the container may route it here. */
    private static final Pattern ESCAPED_SEPARATOR = Pattern.compile("%2f|%5c", Pattern.CASE_INSENSITIVE);

    @Path("{path: .*}")
    public Object anything(@PathParam("path") String path, @Context UriInfo uri) {
        boolean apiPath = path.equals("v1") || path.startsWith("v1/");
        if (apiPath && !ESCAPED_SEPARATOR.matcher(uri.getRequestUri().getRawPath()).find()) {
            // the API application is between two versions of itself
            throw new ServiceUnavailableException("The web API is being reconfigured; retry in a second.",
                    RETRY_AFTER_SECONDS);
        }
        throw new NotFoundException();
    }
}
