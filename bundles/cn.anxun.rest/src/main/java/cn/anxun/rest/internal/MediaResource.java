package cn.anxun.rest.internal;

import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
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

import cn.anxun.identity.Caller;
import cn.anxun.media.Media;
import cn.anxun.media.MediaLibrary;
import cn.anxun.media.MediaValidations;
import cn.anxun.media.Validation;
import cn.anxun.rest.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A stored media file and its bytes, for the institution that owns it, the operator and the regulators. */
@Component(service = ApiResource.class)
@Path("/media/{id}")
@Tag(name = "media", description = "Course media: chunked uploads, stored by SHA-256, served with ranges")
public class MediaResource implements ApiResource {

    private final MediaLibrary library;
    private final MediaValidations validations;

    @Activate
    public MediaResource(@Reference MediaLibrary library, @Reference MediaValidations validations) {
        this.library = library;
        this.validations = validations;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getMedia", summary = "What the media is: its type read from its bytes, size, SHA-256",
            security = @SecurityRequirement(name = AuthResource.BEARER))
    public Media media(@Context Caller caller, @PathParam("id") String media) {
        return library.media(caller, media);
    }

    @GET
    @Path("content")
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "getMediaContent", summary = "The bytes, whole or the range asked for (Range: "
            + "bytes=<first>-<last>, answered with 206)", security = @SecurityRequirement(name = AuthResource.BEARER),
            responses = {@ApiResponse(responseCode = "200", description = "the medium", content = {
                    @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary"))}),
                @ApiResponse(responseCode = "206", description = "the range asked for", content = {
                    @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary"))})})
    public Response content(@Context Caller caller, @PathParam("id") String media,
            @HeaderParam("Range") String range, @HeaderParam("If-Range") String ifRange) {
        return MediaDownloads.send(library.content(caller, media), range, ifRange);
    }

    @GET
    @Path("validation")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getMediaValidation", summary = "What the course-format validators found (R-18): each "
            + "run, the measured duration, the findings with where they are; PENDING while a run is unfinished",
            security = @SecurityRequirement(name = AuthResource.BEARER))
    public Validation validation(@Context Caller caller, @PathParam("id") String media) {
        return validations.of(caller, media);
    }

    @POST
    @Path("validation")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "revalidateMedia", summary = "Run every installed validator that reads the file again",
            security = @SecurityRequirement(name = AuthResource.BEARER),
            responses = @ApiResponse(responseCode = "202", description = "the validation, queued", content = @Content(schema = @Schema(
                    implementation = Validation.class))))
    public Response revalidate(@Context Caller caller, @PathParam("id") String media) {
        return Response.accepted(validations.revalidate(caller, media)).build();
    }
}
