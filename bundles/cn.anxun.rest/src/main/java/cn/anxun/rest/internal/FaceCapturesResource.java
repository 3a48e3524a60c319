package cn.anxun.rest.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.face.FaceChecks;
import cn.anxun.identity.Caller;
import cn.anxun.identity.FacePhoto;
import cn.anxun.rest.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The sealed capture of a face check, while it is kept. */
@Component(service = ApiResource.class)
@Path("/face-checks/{id}/capture")
@Tag(name = "face")
public class FaceCapturesResource implements ApiResource {

    private final FaceChecks checks;

    @Activate
    public FaceCapturesResource(@Reference FaceChecks checks) {
        this.checks = checks;
    }

    @GET
    @Produces({"image/jpeg", "image/png", MediaType.APPLICATION_JSON})
    @Operation(operationId = "getFaceCapture", summary = "The live capture of a check; for those who supervise the "
            + "learner; audited; 404 once its retention period ended", security = @SecurityRequirement(name = AuthResource.BEARER),
            responses = @ApiResponse(responseCode = "200", description = "the capture", content = {
                    @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")), @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary"))}))
    public Response capture(@Context Caller caller, @PathParam("id") String check) {
        FacePhoto photo = checks.capture(caller, check);
        return Response.ok(photo.bytes(), photo.mediaType()).build();
    }
}
