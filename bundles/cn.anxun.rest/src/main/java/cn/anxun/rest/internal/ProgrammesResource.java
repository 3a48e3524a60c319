package cn.anxun.rest.internal;

import java.net.URI;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
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

import cn.anxun.courses.Programme;
import cn.anxun.courses.ProgrammeEntry;
import cn.anxun.courses.Programmes;
import cn.anxun.identity.Caller;
import cn.anxun.rest.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The catalogue of training programmes: read by anyone, kept by the platform operator. */
@Component(service = ApiResource.class)
@Path("/programmes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "courses", description = "Training programmes and courses")
public class ProgrammesResource implements ApiResource {

    private final Programmes programmes;

    @Activate
    public ProgrammesResource(@Reference Programmes programmes) {
        this.programmes = programmes;
    }

    @GET
    @Operation(operationId = "listProgrammes", summary = "The programmes in force by code, with their theory hours and "
            + "the hours that may be studied online; no login")
    public List<Programme> list(@Parameter(description = "true: the retired ones too")
            @QueryParam("retired") @DefaultValue("false") boolean retired) {
        return programmes.list(retired);
    }

    @GET
    @Path("{code}")
    @Operation(operationId = "getProgrammeVersions", summary = "Every version of a programme, newest first; no login")
    public List<Programme> versions(@PathParam("code") String code) {
        return programmes.versions(code);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createProgramme", summary = "Add a programme; for the operator; audited",
            security = @SecurityRequirement(name = AuthResource.BEARER),
            responses = @ApiResponse(responseCode = "201", description = "the programme's first version", content = @Content(schema = @Schema(
                    implementation = Programme.class))))
    public Response create(@Context Caller caller, ProgrammeEntry entry) {
        Programme created = programmes.create(caller, entry);
        return Response.created(URI.create("programmes/" + created.code())).entity(created).build();
    }

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reviseProgramme", summary = "A new version of a programme (the code comes from the "
            + "path); the one in force is superseded, not changed; for the operator; audited",
            security = @SecurityRequirement(name = AuthResource.BEARER))
    public Programme revise(@Context Caller caller, @PathParam("code") String code, ProgrammeEntry entry) {
        return programmes.revise(caller, code, entry);
    }

    @POST
    @Path("{code}/retirement")
    @Operation(operationId = "retireProgramme", summary = "Take a programme out of use; for the operator; audited",
            security = @SecurityRequirement(name = AuthResource.BEARER))
    public Programme retire(@Context Caller caller, @PathParam("code") String code) {
        return programmes.retire(caller, code);
    }
}
