package cn.anxun.rest.internal;

import java.net.URI;

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

import cn.anxun.archive.ArchiveRetention;
import cn.anxun.archive.LegalHold;
import cn.anxun.archive.Retention;
import cn.anxun.identity.Caller;
import cn.anxun.rest.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** How long a learner's archive is kept, and the legal holds that keep it longer. */
@Component(service = ApiResource.class)
@Path("/learners/{learner}/retention")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "archive", description = "Learners' archives and classes' training files")
public class LearnerRetentionResource implements ApiResource {

    /** Why a hold is placed or lifted. */
    public record HoldReason(String reason) {
    }

    private final Retention retention;

    @Activate
    public LearnerRetentionResource(@Reference Retention retention) {
        this.retention = retention;
    }

    @GET
    @Operation(operationId = "getArchiveRetention", summary = "Until when the learner's archive is kept (the "
            + "retention of their category after their latest record) and its legal holds; for whoever may see the "
            + "learner", security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(
                    responseCode = "200", description = "the retention", content = @Content(schema = @Schema(
                            implementation = ArchiveRetention.class))))
    public ArchiveRetention get(@Context Caller caller, @PathParam("learner") String learner) {
        return retention.of(caller, learner);
    }

    @POST
    @Path("holds")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "placeLegalHold", summary = "Places a legal hold on the learner's archive: nothing of it "
            + "is removed while the hold stands; a regulator of the learner's region. Audited.", security =
                    @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(responseCode = "201",
                            description = "the hold", content = @Content(schema = @Schema(implementation =
                                    LegalHold.class))))
    public Response hold(@Context Caller caller, @PathParam("learner") String learner, HoldReason body) {
        LegalHold hold = retention.hold(caller, learner, body == null ? null : body.reason());
        return Response.created(URI.create("/api/v1/retention/holds/" + hold.id())).entity(hold).build();
    }
}
