package cn.anxun.rest.internal;

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

import cn.anxun.identity.AccessPolicy;
import cn.anxun.identity.Caller;
import cn.anxun.identity.NotFoundException;
import cn.anxun.identity.RecordKind;
import cn.anxun.identity.Scope;
import cn.anxun.ledger.ConsistencyProof;
import cn.anxun.ledger.InclusionProof;
import cn.anxun.ledger.Ledger;
import cn.anxun.ledger.LedgerEntry;
import cn.anxun.ledger.SelfCheck;
import cn.anxun.ledger.SignedCheckpoint;
import cn.anxun.rest.Anonymous;
import cn.anxun.rest.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The study-hour ledger: checkpoints and proofs anyone can check, a learner's record, corrections. */
@Component(service = ApiResource.class)
@Path("/ledger")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ledger", description = "The tamper-evident study-hour ledger; see docs/ledger.md")
public class LedgerResource implements ApiResource {

    /** An operator's correction. */
    public record Correction(Long seconds, String reason) {
    }

    private final Ledger ledger;
    private final AccessPolicy policy;

    @Activate
    public LedgerResource(@Reference Ledger ledger, @Reference AccessPolicy policy) {
        this.ledger = ledger;
        this.policy = policy;
    }

    @GET
    @Anonymous
    @Path("checkpoint")
    @Operation(operationId = "getLedgerCheckpoint", summary = "The latest signed checkpoint; public",
            responses = {@ApiResponse(responseCode = "200", description = "the checkpoint", content = @Content(
                    schema = @Schema(implementation = SignedCheckpoint.class))),
                @ApiResponse(responseCode = "404", description = "no checkpoint has been signed yet")})
    public SignedCheckpoint checkpoint() {
        SignedCheckpoint latest = ledger.latestCheckpoint();
        if (latest == null) {
            throw new NotFoundException("No checkpoint has been signed yet.");
        }
        return latest;
    }

    @POST
    @Path("checkpoints")
    @Operation(operationId = "signLedgerCheckpoint", summary = "Takes the new entries into the tree and signs a "
            + "checkpoint now; the operator's", security = @SecurityRequirement(name = AuthResource.BEARER),
            responses = {@ApiResponse(responseCode = "200", description = "the checkpoint", content = @Content(
                    schema = @Schema(implementation = SignedCheckpoint.class))),
                @ApiResponse(responseCode = "409", description = "the ledger has no entries yet")})
    public SignedCheckpoint sign(@Context Caller caller) {
        return ledger.checkpointNow(caller);
    }

    @GET
    @Anonymous
    @Path("key")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(operationId = "getLedgerKey", summary = "The C2SP verifier key of the checkpoints' signatures; public",
            responses = @ApiResponse(responseCode = "200", description = "<name>+<key id>+<base64 key>",
                    content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(implementation =
                            String.class))))
    public String key() {
        return ledger.verifierKey() + "\n";
    }

    @GET
    @Anonymous
    @Path("consistency")
    @Operation(operationId = "getLedgerConsistency", summary = "That the tree of 'second' leaves extends the one of "
            + "'first'; public", responses = @ApiResponse(responseCode = "200", description = "the proof",
                    content = @Content(schema = @Schema(implementation = ConsistencyProof.class))))
    public ConsistencyProof consistency(@QueryParam("first") Long first, @QueryParam("second") Long second) {
        return ledger.consistency(Problems.required("first", first), Problems.required("second", second));
    }

    @GET
    @Path("entries/{id}/inclusion")
    @Operation(operationId = "getLedgerInclusion", summary = "That an entry is in the tree of 'treeSize' leaves; for "
            + "the learner and those who may see them", security = @SecurityRequirement(name = AuthResource.BEARER),
            responses = @ApiResponse(responseCode = "200", description = "the proof", content = @Content(
                    schema = @Schema(implementation = InclusionProof.class))))
    public InclusionProof inclusion(@Context Caller caller, @PathParam("id") String id,
            @QueryParam("treeSize") Long treeSize) {
        return ledger.inclusion(caller, id, Problems.required("treeSize", treeSize));
    }

    @POST
    @Path("entries/{id}/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "correctLedgerEntry", summary = "Appends an entry that compensates this one, with a "
            + "reason; the operator's; audited", security = @SecurityRequirement(name = AuthResource.BEARER),
            responses = @ApiResponse(responseCode = "201", description = "the correction", content = @Content(
                    schema = @Schema(implementation = LedgerEntry.class))))
    public Response correct(@Context Caller caller, @PathParam("id") String id, Correction correction) {
        Correction body = Problems.required("body", correction);
        LedgerEntry made = ledger.correct(caller, id, Problems.required("seconds", body.seconds()), body.reason());
        return Response.created(URI.create("entries/" + made.entry().id() + "/inclusion")).entity(made)
                .build();
    }

    @POST
    @Path("self-check")
    @Operation(operationId = "runLedgerSelfCheck", summary = "Re-verifies every entry and checkpoint now; the "
            + "operator's", security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(
                    responseCode = "200", description = "the result", content = @Content(schema = @Schema(
                            implementation = SelfCheck.class))))
    public SelfCheck selfCheck(@Context Caller caller) {
        policy.require(caller, cn.anxun.identity.Operation.RUN, Scope.platform(RecordKind.LEDGER, null));
        return ledger.selfCheck();
    }
}
