package cn.anxun.rest.internal;

import javax.ws.rs.NotFoundException;
import javax.ws.rs.Path;

import io.swagger.v3.oas.annotations.Hidden;

/** Catches every path under {@code /api} outside {@code /api/v1}, whatever the method, so it gets a problem 404 too. */
@Hidden
@Path("/")
public class FallbackResource {

    @Path("{path: .*}")
    public Object anything() {
        throw new NotFoundException();
    }
}
