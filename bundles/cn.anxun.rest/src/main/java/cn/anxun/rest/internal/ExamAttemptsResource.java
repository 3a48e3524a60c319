package cn.anxun.rest.internal;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.exams.AnswerSaved;
import cn.anxun.exams.ExamAttempt;
import cn.anxun.exams.Exams;
import cn.anxun.identity.Caller;
import cn.anxun.rest.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A learner's attempt at a test: answers saved as given, face checks, grading. */
@Component(service = ApiResource.class)
@Path("/exam-attempts/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "tests")
public class ExamAttemptsResource implements ApiResource {

    /**
     * An answer.
     *
     * @param choice the option letters as shown, e.g. {@code "A"} or {@code "ACD"}; empty to clear
     */
    public record Choice(String choice) {
    }

    private final Exams exams;

    @Activate
    public ExamAttemptsResource(@Reference Exams exams) {
        this.exams = exams;
    }

    @GET
    @Operation(operationId = "getExamAttempt", summary = "An attempt with its questions; a dropped connection resumes "
            + "here. Once ended it shows the right answers.", security = @SecurityRequirement(
                    name = AuthResource.BEARER), responses = @ApiResponse(responseCode = "200",
                            description = "the attempt", content = @Content(schema = @Schema(
                                    implementation = ExamAttempt.class))))
    public ExamAttempt get(@Context Caller caller, @PathParam("id") String id) {
        return exams.attempt(caller, id);
    }

    @PUT
    @Path("answers/{number}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "answerExamQuestion", summary = "Saves the answer to a question",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = {
                @ApiResponse(responseCode = "200", description = "saved", content = @Content(schema = @Schema(
                        implementation = AnswerSaved.class))),
                @ApiResponse(responseCode = "409", description = "the time is up, the attempt ended, or a face check "
                        + "is due")})
    public AnswerSaved answer(@Context Caller caller, @PathParam("id") String id, @PathParam("number") int number,
            Choice choice) {
        return exams.answer(caller, id, number, Problems.required("body", choice).choice());
    }

    @POST
    @Path("face-checks")
    @Consumes({"image/jpeg", "image/png"})
    @Operation(operationId = "examFaceCheck", summary = "A live capture during the attempt: a pass schedules the next "
            + "check, a failure voids the attempt", security = @SecurityRequirement(name = AuthResource.BEARER),
            responses = {
                @ApiResponse(responseCode = "200", description = "the attempt", content = @Content(schema = @Schema(
                        implementation = ExamAttempt.class))),
                @ApiResponse(responseCode = "409", description = "the attempt has ended")})
    public ExamAttempt checkFace(@Context Caller caller, @PathParam("id") String id, byte[] capture) {
        return exams.checkFace(caller, id, capture);
    }

    @POST
    @Path("submission")
    @Operation(operationId = "submitExamAttempt", summary = "Hands the attempt in and grades it. Audited.",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = {
                @ApiResponse(responseCode = "200", description = "graded, with the right answers", content =
                        @Content(schema = @Schema(implementation = ExamAttempt.class))),
                @ApiResponse(responseCode = "409", description = "the attempt has ended, or a face check is due")})
    public ExamAttempt submit(@Context Caller caller, @PathParam("id") String id) {
        return exams.submit(caller, id);
    }
}
