package cn.anxun.rest.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.archive.Handovers;
import cn.anxun.archive.ImportedArchive;
import cn.anxun.identity.Caller;
import cn.anxun.rest.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The archives handover packages brought to this platform. */
@Component(service = ApiResource.class)
@Path("/imported-archives/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "archive", description = "Learners' archives and classes' training files")
public class ImportedArchivesResource implements ApiResource {

    private final Handovers handovers;

    @Activate
    public ImportedArchivesResource(@Reference Handovers handovers) {
        this.handovers = handovers;
    }

    @GET
    @Operation(operationId = "getImportedArchive", summary = "An archive taken over, as it was handed over (ID "
            + "number masked): for the operator and the regulators of its region. Audited.", security =
                    @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(responseCode = "200",
                            description = "the archive", content = @Content(schema = @Schema(implementation =
                                    ImportedArchive.class))))
    public ImportedArchive archive(@Context Caller caller, @PathParam("id") String id) {
        return handovers.imported(caller, id);
    }
}
