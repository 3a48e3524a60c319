package cn.anxun.rest.internal;

import java.io.InputStream;
import java.net.URI;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.identity.Caller;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.media.MediaLibrary;
import cn.anxun.media.Upload;
import cn.anxun.rest.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** An upload in progress: where it stands, and its chunks. */
@Component(service = ApiResource.class)
@Path("/media-uploads/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "media")
public class MediaUploadsResource implements ApiResource {

    private final MediaLibrary library;

    @Activate
    public MediaUploadsResource(@Reference MediaLibrary library) {
        this.library = library;
    }

    @GET
    @Operation(operationId = "getUpload", summary = "How many bytes the upload has received: after a broken "
            + "connection, go on from there", security = @SecurityRequirement(name = AuthResource.BEARER))
    public Upload upload(@Context Caller caller, @PathParam("id") String upload) {
        return library.upload(caller, upload);
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "putUploadChunk", summary = "One chunk of the file, starting at the bytes received so "
            + "far; the last one completes the upload (201, with the media)",
            security = @SecurityRequirement(name = AuthResource.BEARER),
            responses = {@ApiResponse(responseCode = "200", description = "the upload, more chunks to come", content = @Content(schema = @Schema(
                    implementation = Upload.class))),
                @ApiResponse(responseCode = "201", description = "the upload, complete, with its media", content = @Content(schema = @Schema(
                    implementation = Upload.class)))})
    public Response chunk(@Context Caller caller, @PathParam("id") String upload,
            @Parameter(description = "bytes <first>-<last>/<size>") @HeaderParam("Content-Range") String range,
            InputStream body) {
        ByteRange.Chunk chunk = ByteRange.announced(range).orElseThrow(() -> new InvalidInputException(
                "Content-Range", "content-range", "must be \"bytes <first>-<last>/<size>\""));
        long size = library.upload(caller, upload).size();
        if (chunk.total() != size) {
            throw new InvalidInputException("Content-Range", "content-range", "the size after '/' must be the "
                    + size + " bytes announced when the upload started");
        }
        Upload stored = library.appendChunk(caller, upload, chunk.range().first(), chunk.range().length(), body);
        return stored.complete() ? Response.created(URI.create("media/" + stored.media().id())).entity(stored).build()
                : Response.ok(stored).build();
    }
}
