package cn.anxun.rest.internal;

import java.io.InputStream;
import java.net.URI;

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

import cn.anxun.archive.HandoverImport;
import cn.anxun.archive.Handovers;
import cn.anxun.identity.Caller;
import cn.anxun.rest.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Handover packages taken over from another platform. */
@Component(service = ApiResource.class)
@Path("/handover-imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "archive", description = "Learners' archives and classes' training files")
public class HandoverImportsResource implements ApiResource {

    private final Handovers handovers;

    @Activate
    public HandoverImportsResource(@Reference Handovers handovers) {
        this.handovers = handovers;
    }

    @POST
    @Consumes("application/zip")
    @Operation(operationId = "importHandoverPackage", summary = "Takes over a handover package sealed to this "
            + "platform's key, by the operator: checked whole first (every file as the manifest signed with the "
            + "source's ledger key says), then kept whole or not at all; learners registered or imported here "
            + "already are refused by ID number, each named. Audited.", security = @SecurityRequirement(name =
                    AuthResource.BEARER), requestBody = @RequestBody(content = @Content(mediaType = "application/zip",
                            schema = @Schema(type = "string", format = "binary"))), responses = {
                                @ApiResponse(responseCode = "201", description = "the import", content = @Content(
                                        schema = @Schema(implementation = HandoverImport.class))),
                                @ApiResponse(responseCode = "409", description = "the package could not be kept "
                                        + "whole, and nothing of it was")})
    public Response importPackage(@Context Caller caller, @Parameter(description = "the source platform's ledger "
            + "key, as its GET /api/v1/ledger/key answers it, obtained apart from the package", required = true)
            @QueryParam("sourceKey") String sourceKey, InputStream zip) {
        HandoverImport taken = handovers.importPackage(caller, zip, sourceKey);
        return Response.created(URI.create("/api/v1/handover-imports/" + taken.id())).entity(taken).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getHandoverImport", summary = "An import: its source, who exported and imported it, "
            + "the archives it held (those of the caller's region for a regulator)", security = @SecurityRequirement(
                    name = AuthResource.BEARER), responses = @ApiResponse(responseCode = "200", description =
                            "the import", content = @Content(schema = @Schema(implementation = HandoverImport.class))))
    public HandoverImport get(@Context Caller caller, @PathParam("id") String id) {
        return handovers.importOf(caller, id);
    }
}
