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

import cn.anxun.face.FaceCheck;
import cn.anxun.face.FaceChecks;
import cn.anxun.identity.Caller;
import cn.anxun.rest.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A learner's face checks: taken by the learner, read by those who supervise them. */
@Component(service = ApiResource.class)
@Path("/learners/{id}/face-checks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "face", description = "Face checks against study by proxy")
public class FaceChecksResource implements ApiResource {

    private final FaceChecks checks;

    @Activate
    public FaceChecksResource(@Reference FaceChecks checks) {
        this.checks = checks;
    }

    @POST
    @Consumes({"image/jpeg", "image/png"})
    @Operation(operationId = "checkFace", summary = "The learner's live capture (the body, JPEG or PNG) compared with "
            + "their reference photo: passed or not, with the reason; recorded, the capture sealed for the retention "
            + "period", security = @SecurityRequirement(name = AuthResource.BEARER),
            responses = @ApiResponse(responseCode = "201", description = "the check, passed or not", content = @Content(schema = @Schema(
                    implementation = FaceCheck.class))))
    public Response check(@Context Caller caller, @PathParam("id") String learner,
            @Parameter(description = "STUDY_START, DURING_STUDY, EXAM or TRIAL") @QueryParam("purpose") String purpose,
            byte[] capture) {
        FaceCheck check = checks.check(caller, learner, capture,
                Problems.oneOf("purpose", FaceCheck.Purpose.class, purpose));
        return Response.created(URI.create("face-checks/" + check.id() + "/capture")).entity(check).build();
    }

    @GET
    @Operation(operationId = "listFaceChecks", summary = "The learner's face checks, newest first; for the learner, "
            + "their institution's administrator, the operator and the regulators of their region",
            security = @SecurityRequirement(name = AuthResource.BEARER))
    public List<FaceCheck> list(@Context Caller caller, @PathParam("id") String learner) {
        return checks.ofLearner(caller, learner);
    }
}
