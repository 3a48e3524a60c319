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
import cn.anxun.archive.ClassArchive;
import cn.anxun.identity.Caller;
import cn.anxun.rest.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A class's training file. */
@Component(service = ApiResource.class)
@Path("/classes/{class}/archive")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "archive")
public class ClassArchiveResource implements ApiResource {

    private final Archives archives;

    @Activate
    public ClassArchiveResource(@Reference Archives archives) {
        this.archives = archives;
    }

    @GET
    @Operation(operationId = "getClassArchive", summary = "The class's training file: the class with its programme "
            + "and courses, enrolments, credited hours per learner, test attempts, certificates and who read it "
            + "when; for the institution's staff, the regulators who may read the class and the operator. Audited.",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(responseCode =
                    "200", description = "the training file", content = @Content(schema = @Schema(implementation =
                            ClassArchive.class))))
    public ClassArchive get(@Context Caller caller, @PathParam("class") String trainingClass) {
        return archives.ofClass(caller, trainingClass);
    }

    @GET
    @Path("document")
    @Produces("application/pdf")
    @Operation(operationId = "getClassArchiveDocument", summary = "The same as a PDF in Chinese, to print. Audited.",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(responseCode =
                    "200", description = "the PDF", content = @Content(mediaType = "application/pdf", schema =
                            @Schema(type = "string", format = "binary"))))
    public Response document(@Context Caller caller, @PathParam("class") String trainingClass) {
        return Response.ok(archives.printClass(caller, trainingClass), "application/pdf")
                .header(HttpHeaders.CONTENT_DISPOSITION,
                Documents.attachment("培训班培训档案.pdf")).build();
    }
}
