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

import cn.anxun.ledger.Ledger;
import cn.anxun.ledger.LedgerRecord;
import cn.anxun.identity.Caller;
import cn.anxun.rest.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A learner's ledger record: what the standalone verifier reads. */
@Component(service = ApiResource.class)
@Path("/learners/{id}/ledger")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ledger")
public class LearnerLedgerResource implements ApiResource {

    private final Ledger ledger;

    @Activate
    public LearnerLedgerResource(@Reference Ledger ledger) {
        this.ledger = ledger;
    }

    @GET
    @Operation(operationId = "getLearnerLedger", summary = "The learner's entries with their proofs against the "
            + "latest checkpoint and their totals; audited when another reads it",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(
                    responseCode = "200", description = "the record", content = @Content(schema = @Schema(
                            implementation = LedgerRecord.class))))
    public LedgerRecord record(@Context Caller caller, @PathParam("id") String learner) {
        return ledger.record(caller, learner);
    }
}
