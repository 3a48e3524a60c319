package cn.anxun.rest.internal;

import java.io.InputStream;
import java.net.URI;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.identity.Caller;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.institutions.InstitutionRecords;
import cn.anxun.institutions.Registrations;
import cn.anxun.institutions.SubmittedDocument;
import cn.anxun.media.Media;
import cn.anxun.media.MediaLibrary;
import cn.anxun.media.Upload;
import cn.anxun.rest.ApiResource;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** An institution's own page: the documents it submits and its records. */
@Component(service = ApiResource.class)
@Path("/institutions/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "institutions")
public class InstitutionsResource implements ApiResource {

    private static final String CSV = "text/csv";

    private final Registrations registrations;
    private final MediaLibrary media;

    @Activate
    public InstitutionsResource(@Reference Registrations registrations, @Reference MediaLibrary media) {
        this.registrations = registrations;
        this.media = media;
    }

    @POST
    @Path("letters")
    @Consumes("application/pdf")
    @Operation(operationId = "uploadLetter", summary = "Upload a written intent (意向书): the body is the PDF, which "
            + "must open without a password and be within the configured size (5 MiB by default); for the "
            + "institution's administrator", security = @SecurityRequirement(name = AuthResource.BEARER),
            responses = @ApiResponse(responseCode = "201", description = "the stored letter", content = @Content(schema = @Schema(
                    implementation = SubmittedDocument.class))))
    public Response uploadLetter(@Context Caller caller, @PathParam("id") String institution,
            @Parameter(description = "the file's name, kept with it") @QueryParam("filename") String filename,
            InputStream pdf) {
        SubmittedDocument stored = registrations.uploadLetter(caller, institution, filename, pdf);
        return Response.created(URI.create("institutions/" + institution + "/documents/" + stored.id()))
                .entity(stored).build();
    }

    @GET
    @Path("documents/{document}")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @Operation(operationId = "getInstitutionDocument", summary = "A document the institution submitted, as "
            + "submitted", security = @SecurityRequirement(name = AuthResource.BEARER),
            responses = @ApiResponse(responseCode = "200", description = "the document", content = {
                    @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))}))
    public Response document(@Context Caller caller, @PathParam("id") String institution,
            @PathParam("document") String document) {
        return Documents.download(registrations.document(caller, institution, document));
    }

    @GET
    @Path("records")
    @Operation(operationId = "getInstitutionRecords", summary = "The institution's registrations in every city with "
            + "their history, and the documents it submitted; with Accept: text/csv, as CSV (UTF-8 with a byte order "
            + "mark), one row per step of each registration, with its letter's name and SHA-256",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(
                    responseCode = "200", description = "the records", content = {
                        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(
                                implementation = InstitutionRecords.class)),
                        @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary"))}))
    public InstitutionRecords records(@Context Caller caller, @PathParam("id") String institution) {
        return registrations.records(caller, institution);
    }

    @GET
    @Path("records")
    @Produces(CSV + ";qs=0.5") // JSON, unless CSV is asked for
    @Hidden // the same operation as the JSON one, which declares both media types
    public Response recordsCsv(@Context Caller caller, @PathParam("id") String institution) {
        return Response.ok(registrations.recordsCsv(caller, institution), CSV + "; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, Documents.attachment("records-" + institution + ".csv"))
                .build();
    }

    @POST
    @Path("media-uploads")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "startUpload", summary = "Start uploading a media file (video, audio or picture) of "
            + "the announced size; then PUT its chunks to the upload", security = @SecurityRequirement(name =
            AuthResource.BEARER),
            responses = @ApiResponse(responseCode = "201", description = "the upload, ready for its first chunk", content = @Content(schema = @Schema(
                    implementation = Upload.class))))
    public Response startUpload(@Context Caller caller, @PathParam("id") String institution, NewUpload upload) {
        if (upload == null) {
            throw new InvalidInputException("body", "required", "must be {\"filename\": …, \"size\": …}");
        }
        Upload started = media.startUpload(caller, institution, upload.filename(), upload.size());
        return Response.created(URI.create("media-uploads/" + started.id())).entity(started).build();
    }

    /** An upload to start: the file's name and its size in bytes. */
    public record NewUpload(String filename, long size) {
    }

    @GET
    @Path("media")
    @Operation(operationId = "listInstitutionMedia", summary = "The institution's media files, newest first",
            security = @SecurityRequirement(name = AuthResource.BEARER))
    public List<Media> media(@Context Caller caller, @PathParam("id") String institution) {
        return media.ofInstitution(caller, institution);
    }
}
