package cn.anxun.rest.internal;

import javax.ws.rs.NotFoundException;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.ServiceUnavailableException;

import io.swagger.v3.oas.annotations.Hidden;

/** Every path under {@code /api} that reaches it, whatever the method. */
@Hidden
@Path("/")
public class FallbackResource {

    static final long RETRY_AFTER_SECONDS = 1;

    @Path("{path: .*}")
    public Object anything(@PathParam("path") String path) {
        if (path.equals("v1") || path.startsWith("v1/")) {
            // the API application is between two versions of itself
            throw new ServiceUnavailableException("The web API is being reconfigured; retry in a second.",
                    RETRY_AFTER_SECONDS);
        }
        throw new NotFoundException();
    }
}
