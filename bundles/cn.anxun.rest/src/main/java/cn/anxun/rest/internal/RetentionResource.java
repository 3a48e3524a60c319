package cn.anxun.rest.internal;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.archive.LegalHold;
import cn.anxun.archive.Retention;
import cn.anxun.archive.RetentionRun;
import cn.anxun.identity.Caller;
import cn.anxun.rest.ApiResource;
import cn.anxun.rest.internal.LearnerRetentionResource.HoldReason;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The archive retention's runs and the lifting of legal holds. */
@Component(service = ApiResource.class)
@Path("/retention")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "archive", description = "Learners' archives and classes' training files")
public class RetentionResource implements ApiResource {

    private final Retention retention;

    @Activate
    public RetentionResource(@Reference Retention retention) {
        this.retention = retention;
    }

    @POST
    @Path("holds/{hold}/release")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "liftLegalHold", summary = "Lifts a standing legal hold with a reason; a regulator of "
            + "the learner's region. Audited.", security = @SecurityRequirement(name = AuthResource.BEARER),
            responses = {
                @ApiResponse(responseCode = "200", description = "the lifted hold", content = @Content(schema =
                        @Schema(implementation = LegalHold.class))),
                @ApiResponse(responseCode = "409", description = "lifted already")})
    public LegalHold release(@Context Caller caller, @PathParam("hold") String hold, HoldReason body) {
        return retention.release(caller, hold, body == null ? null : body.reason());
    }

    @POST
    @Path("runs")
    @Operation(operationId = "runRetention", summary = "Expires now, as the daily job does, every archive past its "
            + "retention that no legal hold keeps: each bundle removes or anonymises its part and the learner is "
            + "anonymised; the operator. Audited.", security = @SecurityRequirement(name = AuthResource.BEARER),
            responses = @ApiResponse(responseCode = "200", description = "what the run did", content = @Content(
                    schema = @Schema(implementation = RetentionRun.class))))
    public RetentionRun run(@Context Caller caller) {
        return retention.run(caller);
    }
}
