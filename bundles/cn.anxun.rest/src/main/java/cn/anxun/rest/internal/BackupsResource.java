package cn.anxun.rest.internal;

import java.net.URI;
import java.util.List;

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

import cn.anxun.backup.Backup;
import cn.anxun.backup.Backups;
import cn.anxun.identity.Caller;
import cn.anxun.rest.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The operator's backups: taken on demand, listed with what they hold; restored by bin/anxun-restore. */
@Component(service = ApiResource.class)
@Path("/backups")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "backups", description = "Backups of the database, the media and the keys; see docs/operations.md")
public class BackupsResource implements ApiResource {

    private final Backups backups;

    @Activate
    public BackupsResource(@Reference Backups backups) {
        this.backups = backups;
    }

    @POST
    @Operation(operationId = "startBackup", summary = "Starts a backup now; the operator or a platform "
            + "administrator. Audited.", security = @SecurityRequirement(name = AuthResource.BEARER), responses = {
                @ApiResponse(responseCode = "202", description = "the backup, running; its Location tells how it "
                        + "ends", content = @Content(schema = @Schema(implementation = Backup.class))),
                @ApiResponse(responseCode = "409", description = "a backup is under way, or the configured "
                        + "folders do not keep the keys apart")})
    public Response start(@Context Caller caller) {
        Backup started = backups.start(caller);
        return Response.accepted(started).location(URI.create("backups/" + started.id())).build();
    }

    @GET
    @Operation(operationId = "listBackups", summary = "The backup now running, the last one that failed and the "
            + "kept ones, newest first; the operator or a platform administrator",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(responseCode = "200",
                    description = "the backups", content = @Content(array = @ArraySchema(schema = @Schema(
                            implementation = Backup.class)))))
    public List<Backup> list(@Context Caller caller) {
        return backups.list(caller);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getBackup", summary = "One backup; the operator or a platform administrator",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = {
                @ApiResponse(responseCode = "200", description = "the backup", content = @Content(schema =
                        @Schema(implementation = Backup.class))),
                @ApiResponse(responseCode = "404", description = "no such backup")})
    public Backup get(@Context Caller caller, @PathParam("id") String id) {
        return backups.get(caller, id);
    }
}
