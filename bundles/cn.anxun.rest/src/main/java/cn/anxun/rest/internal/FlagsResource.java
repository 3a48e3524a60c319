package cn.anxun.rest.internal;

import javax.ws.rs.BeanParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.identity.Caller;
import cn.anxun.rest.ApiResource;
import cn.anxun.supervision.Flag;
import cn.anxun.supervision.FlagList;
import cn.anxun.supervision.FlagQuery;
import cn.anxun.supervision.FlagRun;
import cn.anxun.supervision.Flags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Suspicious patterns flagged for the regulators of each region. */
@Component(service = ApiResource.class)
@Path("/supervision/flags")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "supervision", description = "The regulators' view of their region: overview and progress")
public class FlagsResource implements ApiResource {

    /** Why a flag is dismissed. */
    public record Dismissal(String reason) {
    }

    private final Flags flags;

    @Activate
    public FlagsResource(@Reference Flags flags) {
        this.flags = flags;
    }

    @GET
    @Operation(operationId = "listFlags", summary = "Suspicious patterns in the caller's region, newest first, each "
            + "with what was seen and the records that show it",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(
                    responseCode = "200", description = "a page; next names the following one", content = @Content(
                            schema = @Schema(implementation = FlagList.class))))
    public FlagList list(@Context Caller caller,
            @Parameter(description = "city or county code: flags lying there") @QueryParam("region") String region,
            @QueryParam("institution") String institution,
            @Parameter(description = "e.g. shared-face, two-places, face-failures") @QueryParam("kind") String kind,
            @Parameter(description = "OPEN or DISMISSED") @QueryParam("status") String status,
            @BeanParam Paging paging) {
        return flags.list(caller, new FlagQuery(region, institution, kind,
                status == null ? null : Problems.oneOf("status", Flag.Status.class, status), paging.after,
                paging.limit));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getFlag", summary = "A flag with its evidence",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(
                    responseCode = "200", description = "the flag", content = @Content(schema = @Schema(
                            implementation = Flag.class))))
    public Flag get(@Context Caller caller, @PathParam("id") String id) {
        return flags.get(caller, id);
    }

    @POST
    @Path("{id}/dismissal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "dismissFlag", summary = "Dismisses a flag of the regulator's region with a reason; "
            + "audited", security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(
                    responseCode = "200", description = "the flag, dismissed", content = @Content(schema = @Schema(
                            implementation = Flag.class))))
    public Flag dismiss(@Context Caller caller, @PathParam("id") String id, Dismissal dismissal) {
        return flags.dismiss(caller, id, Problems.required("body", dismissal).reason());
    }

    @POST
    @Path("runs")
    @Operation(operationId = "runFlags", summary = "Looks for suspicious patterns in the records made since the last "
            + "look now, as the nightly job does; audited", security = @SecurityRequirement(
                    name = AuthResource.BEARER), responses = @ApiResponse(responseCode = "200", description = "what "
                            + "the look found", content = @Content(schema = @Schema(implementation = FlagRun.class))))
    public FlagRun run(@Context Caller caller) {
        return flags.run(caller);
    }
}
