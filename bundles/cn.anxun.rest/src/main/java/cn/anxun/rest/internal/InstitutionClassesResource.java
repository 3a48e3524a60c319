package cn.anxun.rest.internal;

import java.net.URI;
import java.util.List;

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

import cn.anxun.classes.ClassDraft;
import cn.anxun.classes.Classes;
import cn.anxun.classes.TrainingClass;
import cn.anxun.identity.Caller;
import cn.anxun.rest.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** An institution's classes. */
@Component(service = ApiResource.class)
@Path("/institutions/{id}/classes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "classes")
public class InstitutionClassesResource implements ApiResource {

    private final Classes classes;

    @Activate
    public InstitutionClassesResource(@Reference Classes classes) {
        this.classes = classes;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "openClass", summary = "Opens a class of the caller's institution in a city where it is "
            + "registered, for the programme version in force and online courses that teach it",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(responseCode = "201",
                    description = "opened", content = @Content(schema = @Schema(implementation = TrainingClass.class))))
    public Response open(@Context Caller caller, @PathParam("id") String institution, ClassDraft draft) {
        TrainingClass opened = classes.open(caller, institution, Problems.required("body", draft));
        return Response.created(URI.create("classes/" + opened.id())).entity(opened).build();
    }

    @GET
    @Operation(operationId = "listInstitutionClasses", summary = "The institution's classes the caller may read, "
            + "newest first", security = @SecurityRequirement(name = AuthResource.BEARER),
            responses = @ApiResponse(responseCode = "200", description = "the classes", content = @Content(
                    array = @ArraySchema(schema = @Schema(implementation = TrainingClass.class)))))
    public List<TrainingClass> ofInstitution(@Context Caller caller, @PathParam("id") String institution) {
        return classes.ofInstitution(caller, institution);
    }

}
