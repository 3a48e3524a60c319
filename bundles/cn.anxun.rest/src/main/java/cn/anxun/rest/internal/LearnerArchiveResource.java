package cn.anxun.rest.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.archive.Archives;
import cn.anxun.archive.LearnerArchive;
import cn.anxun.identity.Caller;
import cn.anxun.rest.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A learner's archive (一人一档, R-24). */
@Component(service = ApiResource.class)
@Path("/learners/{learner}/archive")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "archive", description = "Learners' archives and classes' training files")
public class LearnerArchiveResource implements ApiResource {

    private final Archives archives;

    @Activate
    public LearnerArchiveResource(@Reference Archives archives) {
        this.archives = archives;
    }

    @GET
    @Operation(operationId = "getLearnerArchive", summary = "The learner's archive: registration (masked), classes, "
            + "ledger with proofs, face checks, tests with answers, certificates and who read it when; for the "
            + "learner, their institution, the regulators of their region and the operator. Audited.", security =
                    @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(responseCode = "200",
                            description = "the archive", content = @Content(schema = @Schema(implementation =
                                    LearnerArchive.class))))
    public LearnerArchive get(@Context Caller caller, @PathParam("learner") String learner) {
        return archives.ofLearner(caller, learner);
    }

    @GET
    @Path("document")
    @Produces("application/pdf")
    @Operation(operationId = "getLearnerArchiveDocument", summary = "The same as a PDF in Chinese, to print. Audited.",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(responseCode =
                    "200", description = "the PDF", content = @Content(mediaType = "application/pdf", schema =
                            @Schema(type = "string", format = "binary"))))
    public Response document(@Context Caller caller, @PathParam("learner") String learner) {
        return Response.ok(archives.printLearner(caller, learner), "application/pdf")
                .header(HttpHeaders.CONTENT_DISPOSITION,
                Documents.attachment("学员电子档案.pdf")).build();
    }
}
