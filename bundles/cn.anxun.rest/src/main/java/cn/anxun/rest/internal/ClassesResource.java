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

import cn.anxun.classes.Classes;
import cn.anxun.classes.TrainingClass;
import cn.anxun.identity.Caller;
import cn.anxun.ledger.Ledger;
import cn.anxun.ledger.Progress;
import cn.anxun.ledger.StudyAnswer;
import cn.anxun.ledger.StudySessions;
import cn.anxun.rest.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Classes: opened and filled by institutions, read by their learners and supervisors. */
@Component(service = ApiResource.class)
@Path("/classes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "classes", description = "Classes of registered institutions and their learners' progress")
public class ClassesResource implements ApiResource {

    /** The learners to enrol. */
    public record Enrolment(List<String> learners) {
    }

    private final Classes classes;
    private final Ledger ledger;
    private final StudySessions sessions;

    @Activate
    public ClassesResource(@Reference Classes classes, @Reference Ledger ledger, @Reference StudySessions sessions) {
        this.classes = classes;
        this.ledger = ledger;
        this.sessions = sessions;
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getClass", summary = "A class", security = @SecurityRequirement(
            name = AuthResource.BEARER), responses = @ApiResponse(responseCode = "200", description = "the class",
                    content = @Content(schema = @Schema(implementation = TrainingClass.class))))
    public TrainingClass get(@Context Caller caller, @PathParam("id") String id) {
        return classes.get(caller, id);
    }

    @POST
    @Path("{id}/learners")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "enrolLearners", summary = "Enrols learners of the class's city whom the institution "
            + "trains; enrolling twice changes nothing", security = @SecurityRequirement(name = AuthResource.BEARER),
            responses = @ApiResponse(responseCode = "200", description = "the class with its new count",
                    content = @Content(schema = @Schema(implementation = TrainingClass.class))))
    public TrainingClass enrol(@Context Caller caller, @PathParam("id") String id, Enrolment enrolment) {
        return classes.enrol(caller, id, Problems.required("body", enrolment).learners());
    }

    @GET
    @Path("{id}/learners")
    @Operation(operationId = "listClassLearners", summary = "The ids of the learners enrolled, in order",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(
                    responseCode = "200", description = "learner ids", content = @Content(
                            array = @ArraySchema(schema = @Schema(implementation = String.class)))))
    public List<String> learners(@Context Caller caller, @PathParam("id") String id) {
        return classes.learners(caller, id);
    }

    @GET
    @Path("{id}/progress")
    @Operation(operationId = "getClassProgress", summary = "Each enrolled learner's credited time and whether the "
            + "online hours are reached", security = @SecurityRequirement(name = AuthResource.BEARER),
            responses = @ApiResponse(responseCode = "200", description = "one row per learner", content = @Content(
                    array = @ArraySchema(schema = @Schema(implementation = Progress.class)))))
    public List<Progress> progress(@Context Caller caller, @PathParam("id") String id) {
        return ledger.progress(caller, id);
    }

    @POST
    @Path("{class}/courses/{course}/study-sessions")
    @Consumes({"image/jpeg", "image/png"})
    @Operation(operationId = "startStudySession", summary = "Starts studying a course of a class once the live "
            + "capture (the body) passes a face check; ends the learner's other session",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = {
                @ApiResponse(responseCode = "201", description = "started", content = @Content(schema = @Schema(
                        implementation = StudyAnswer.class))),
                @ApiResponse(responseCode = "409", description = "the class is not running, its institution may not "
                        + "train in its city now, or the daily or online cap is reached")})
    public Response start(@Context Caller caller, @PathParam("class") String trainingClass,
            @PathParam("course") String course, byte[] capture) {
        StudyAnswer started = sessions.start(caller, trainingClass, course, capture);
        return Response.created(URI.create("study-sessions/" + started.session().id())).entity(started).build();
    }
}
