package cn.anxun.itests;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import cn.anxun.rest.Anonymous;
import cn.anxun.rest.ApiResource;

/** A resource a test registers from its own bundle, as any bundle may, to exercise request bodies end to end. */
@Path("/it-echo")
public class EchoResource implements ApiResource {

    /** A body with a nested part and a number. */
    public record Employer(String name, int staff) {
    }

    /** The body the resource accepts. */
    public record Greeting(String name, Employer employer) {
    }

    @POST
    @Anonymous
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Greeting echo(Greeting greeting) {
        return greeting;
    }
}
