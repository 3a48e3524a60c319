package cn.anxun.rest.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.core.JsonProcessingException;

import cn.anxun.archive.Handovers;
import cn.anxun.rest.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** This platform as the receiver of handover packages. */
@Component(service = ApiResource.class)
@Path("/handover")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "archive", description = "Learners' archives and classes' training files")
public class HandoverResource implements ApiResource {

    /** The receiving platform's public key, an EC P-256 JWK. */
    public record ReceiverKey(String kty, String crv, String x, String y, String kid, String use, String alg) {
    }

    private final Handovers handovers;

    @Activate
    public HandoverResource(@Reference Handovers handovers) {
        this.handovers = handovers;
    }

    @GET
    @Path("key")
    @Operation(operationId = "getHandoverReceiverKey", summary = "This platform's public key, to which a platform "
            + "handing archives over to it encrypts their personal data; no login", responses = @ApiResponse(
                    responseCode = "200", description = "the key, a JWK", content = @Content(schema = @Schema(
                            implementation = ReceiverKey.class))))
    public ReceiverKey receiverKey() throws JsonProcessingException {
        return Json.mapper().readValue(handovers.receiverKey(), ReceiverKey.class);
    }
}
