package cn.anxun.rest.internal;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.identity.Caller;
import cn.anxun.institutions.Decision;
import cn.anxun.institutions.Registration;
import cn.anxun.institutions.Registrations;
import cn.anxun.rest.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** One registration: its history, its written intent, and the city regulator's decisions. */
@Component(service = ApiResource.class)
@Path("/registrations/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "institutions")
public class RegistrationsResource implements ApiResource {

    private final Registrations registrations;

    @Activate
    public RegistrationsResource(@Reference Registrations registrations) {
        this.registrations = registrations;
    }

    @GET
    @Operation(operationId = "getRegistration", summary = "A registration with its history; for its institution, "
            + "the regulator of its city, the province regulator and the operator",
            security = @SecurityRequirement(name = AuthResource.BEARER))
    public Registration get(@Context Caller caller, @PathParam("id") String id) {
        return registrations.get(caller, id);
    }

    @GET
    @Path("letter")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @Operation(operationId = "getRegistrationLetter", summary = "The written intent (PDF) as submitted; audited",
            security = @SecurityRequirement(name = AuthResource.BEARER),
            responses = @ApiResponse(responseCode = "200", description = "the letter", content = {
                    @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))}))
    public Response letter(@Context Caller caller, @PathParam("id") String id) {
        return Documents.download(registrations.letter(caller, id));
    }

    @POST
    @Path("decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "decideRegistration", summary = "APPROVE (only an institution ACTIVE in the city's "
            + "register of offline institutions: gives the registration number, publishes an announcement, reports "
            + "to the province), REJECT, SUSPEND, REINSTATE or REVOKE with a reason; for the city's regulator; "
            + "audited", security = @SecurityRequirement(name = AuthResource.BEARER))
    public Registration decide(@Context Caller caller, @PathParam("id") String id, Decision decision) {
        return registrations.decide(caller, id, decision);
    }
}
