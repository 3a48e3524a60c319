package cn.anxun.rest.internal;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

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

/** The classes a learner is enrolled in. */
@Component(service = ApiResource.class)
@Path("/learners/{id}/classes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "classes")
public class LearnerClassesResource implements ApiResource {

    private final Classes classes;

    @Activate
    public LearnerClassesResource(@Reference Classes classes) {
        this.classes = classes;
    }

    @GET
    @Operation(operationId = "listLearnerClasses", summary = "The classes a learner is enrolled in",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(
                    responseCode = "200", description = "the classes", content = @Content(
                            array = @ArraySchema(schema = @Schema(implementation = TrainingClass.class)))))
    public List<TrainingClass> ofLearner(@Context Caller caller, @PathParam("id") String learner) {
        return classes.ofLearner(caller, learner);
    }
}
