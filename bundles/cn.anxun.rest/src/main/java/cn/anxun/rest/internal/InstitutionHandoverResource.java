package cn.anxun.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.core.JsonProcessingException;

import cn.anxun.archive.HandoverPackage;
import cn.anxun.archive.Handovers;
import cn.anxun.identity.Caller;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.rest.ApiResource;
import cn.anxun.rest.internal.HandoverResource.ReceiverKey;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** An institution's handover package, for the platform that takes its archives over. */
@Component(service = ApiResource.class)
@Path("/institutions/{id}/handover-package")
@Tag(name = "archive", description = "Learners' archives and classes' training files")
public class InstitutionHandoverResource implements ApiResource {

    /** Whom the package is for. */
    public record HandoverRequest(ReceiverKey receiverKey) {
    }

    private final Handovers handovers;

    @Activate
    public InstitutionHandoverResource(@Reference Handovers handovers) {
        this.handovers = handovers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces("application/zip")
    @Operation(operationId = "exportHandoverPackage", summary = "The institution's handover package: a BagIt bag "
            + "in a zip with its learners' archives and class files (JSON and PDF, personal data encrypted to the "
            + "receiver's key), the ledger records with the checkpoint and key that prove their hours, JSON Schemas, "
            + "and the manifest signed with the ledger's key; streamed as it is put together. For the institution's "
            + "administrator, a regulator who supervises it, or the operator. Audited.", security =
                    @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(responseCode = "200",
                            description = "the package", content = @Content(mediaType = "application/zip", schema =
                                    @Schema(type = "string", format = "binary"))))
    public Response export(@Context Caller caller, @PathParam("id") String institution, HandoverRequest request)
            throws JsonProcessingException {
        if (request == null || request.receiverKey() == null) {
            throw new InvalidInputException("receiverKey", "required", "is the receiving platform's public key, as "
                    + "its GET /api/v1/handover/key answers it");
        }
        Map<String, Object> key = new LinkedHashMap<>();
        Json.mapper().convertValue(request.receiverKey(), Map.class).forEach((name, value) -> {
            if (value != null) {
                key.put((String) name, value);
            }
        });
        HandoverPackage handover = handovers.export(caller, institution, Json.mapper().writeValueAsString(key));
        StreamingOutput body = handover::writeTo;
        return Response.ok(body, "application/zip").header(HttpHeaders.CONTENT_DISPOSITION,
                Documents.attachment(handover.fileName())).build();
    }
}
