package cn.anxun.rest.internal;

import java.net.URI;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.exams.Exam;
import cn.anxun.exams.ExamAttempt;
import cn.anxun.exams.ExamDraft;
import cn.anxun.exams.ExamStatistics;
import cn.anxun.exams.Exams;
import cn.anxun.identity.Caller;
import cn.anxun.rest.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The test of a class and the attempts at it, started under a face check. */
@Component(service = ApiResource.class)
@Path("/classes/{class}/exam")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "tests", description = "Tests of classes, taken under face checks")
public class ClassExamResource implements ApiResource {

    private final Exams exams;

    @Activate
    public ClassExamResource(@Reference Exams exams) {
        this.exams = exams;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "defineExam", summary = "Defines the class's test, or redefines it while no one has "
            + "attempted it; the institution's staff. Audited.", security = @SecurityRequirement(
                    name = AuthResource.BEARER), responses = {
                        @ApiResponse(responseCode = "200", description = "the test", content = @Content(
                                schema = @Schema(implementation = Exam.class))),
                        @ApiResponse(responseCode = "409", description = "learners have attempted the test")})
    public Exam define(@Context Caller caller, @PathParam("class") String trainingClass, ExamDraft draft) {
        return exams.define(caller, trainingClass, draft);
    }

    @GET
    @Operation(operationId = "getExam", summary = "The class's test", security = @SecurityRequirement(
            name = AuthResource.BEARER), responses = @ApiResponse(responseCode = "200", description = "the test",
                    content = @Content(schema = @Schema(implementation = Exam.class))))
    public Exam get(@Context Caller caller, @PathParam("class") String trainingClass) {
        return exams.get(caller, trainingClass);
    }

    @POST
    @Path("attempts")
    @Consumes({"image/jpeg", "image/png"})
    @Operation(operationId = "startExamAttempt", summary = "Opens an attempt once the live capture (the body) passes "
            + "a face check: for a learner of the running class whose online hours are credited, with attempts left",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = {
                @ApiResponse(responseCode = "201", description = "opened, with the learner's own questions",
                        content = @Content(schema = @Schema(implementation = ExamAttempt.class))),
                @ApiResponse(responseCode = "409", description = "passed already, an attempt open or none left, the "
                        + "online part not complete, the class not running, or its institution may not train in its "
                        + "city now")})
    public Response start(@Context Caller caller, @PathParam("class") String trainingClass, byte[] capture) {
        ExamAttempt started = exams.start(caller, trainingClass, capture);
        return Response.created(URI.create("exam-attempts/" + started.id())).entity(started).build();
    }

    @GET
    @Path("attempts")
    @Operation(operationId = "listExamAttempts", summary = "The attempts: a learner's own, or all of the class for "
            + "those who may read it; without their questions", security = @SecurityRequirement(
                    name = AuthResource.BEARER), responses = @ApiResponse(responseCode = "200",
                            description = "the attempts", content = @Content(array = @ArraySchema(schema = @Schema(
                                    implementation = ExamAttempt.class)))))
    public List<ExamAttempt> attempts(@Context Caller caller, @PathParam("class") String trainingClass) {
        return exams.attempts(caller, trainingClass);
    }

    @GET
    @Path("statistics")
    @Operation(operationId = "getExamStatistics", summary = "Pass rate, score distribution, time taken and the "
            + "questions most often wrong; for the class's staff and supervisors", security = @SecurityRequirement(
                    name = AuthResource.BEARER), responses = @ApiResponse(responseCode = "200",
                            description = "the statistics", content = @Content(schema = @Schema(
                                    implementation = ExamStatistics.class))))
    public ExamStatistics statistics(@Context Caller caller, @PathParam("class") String trainingClass) {
        return exams.statistics(caller, trainingClass);
    }
}
