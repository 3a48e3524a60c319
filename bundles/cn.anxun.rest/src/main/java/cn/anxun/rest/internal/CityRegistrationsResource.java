package cn.anxun.rest.internal;

import java.net.URI;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.identity.Caller;
import cn.anxun.institutions.Intent;
import cn.anxun.institutions.Registration;
import cn.anxun.institutions.Registrations;
import cn.anxun.rest.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Intents to register in a city, and the city's registrations. */
@Component(service = ApiResource.class)
@Path("/cities/{code}/registrations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "institutions")
public class CityRegistrationsResource implements ApiResource {

    private final Registrations registrations;

    @Activate
    public CityRegistrationsResource(@Reference Registrations registrations) {
        this.registrations = registrations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "submitIntent", summary = "Submit an institution's intent to register in the city, with "
            + "its uploaded written intent; for an institution administrator; the city's module must be installed",
            security = @SecurityRequirement(name = AuthResource.BEARER),
            responses = @ApiResponse(responseCode = "201", description = "the submitted registration", content = @Content(schema = @Schema(
                    implementation = Registration.class))))
    public Response submit(@Context Caller caller, @PathParam("code") String city, Intent intent) {
        Registration submitted = registrations.submit(caller, city, intent);
        return Response.created(URI.create("registrations/" + submitted.id())).entity(submitted).build();
    }

    @GET
    @Operation(operationId = "listCityRegistrations", summary = "The city's registrations, newest first, each with "
            + "its match in the city's register of offline institutions; for the city's regulator, the province "
            + "regulator and the operator; readable while the city's module is not installed",
            security = @SecurityRequirement(name = AuthResource.BEARER))
    public List<Registration> list(@Context Caller caller, @PathParam("code") String city,
            @Parameter(description = "SUBMITTED, REJECTED, REGISTERED, SUSPENDED or REVOKED")
            @QueryParam("status") String status) {
        return registrations.ofCity(caller, city, status == null ? null
                : Problems.oneOf("status", Registration.Status.class, status));
    }
}
