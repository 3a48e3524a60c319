package cn.anxun.rest.internal;

import java.util.List;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.feed.Feed;
import cn.anxun.feed.FeedCertificate;
import cn.anxun.feed.FeedCheckpoint;
import cn.anxun.feed.FeedClass;
import cn.anxun.feed.FeedEnrolment;
import cn.anxun.feed.FeedPage;
import cn.anxun.feed.FeedRegistration;
import cn.anxun.identity.Caller;
import cn.anxun.rest.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The data feed: each kind of record of the reader's region changed since its last read, oldest change
 * first. A reader keeps the {@code next} of its last page and asks after it; {@code more} says to ask again now.
 */
@Component(service = ApiResource.class)
@Path("/feed")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "feed", description = "The data feed of a region for the provincial and city supervision platforms")
public class FeedResource implements ApiResource {

    /** A kind the feed offers, where to read it and the name of its item in the schema. */
    public record Kind(String kind, String path, String item) {
    }

    /** What the feed offers, and where its JSON Schema is. */
    public record Kinds(String version, List<Kind> kinds, String schema) {
    }

    /** A page of registrations; {@code next} is the position to read after next time. */
    public record Registrations(List<FeedRegistration> items, String next, boolean more) {
    }

    /** A page of classes. */
    public record Classes(List<FeedClass> items, String next, boolean more) {
    }

    /** A page of enrolments. */
    public record Enrolments(List<FeedEnrolment> items, String next, boolean more) {
    }

    /** A page of certificates. */
    public record Certificates(List<FeedCertificate> items, String next, boolean more) {
    }

    /** A page of checkpoints. */
    public record Checkpoints(List<FeedCheckpoint> items, String next, boolean more) {
    }

    private static final String AFTER = "the next of the reader's last page of this kind; none for everything";
    private static final String LIMIT = "items per page, at most 1000";

    private final Feed feed;

    @Activate
    public FeedResource(@Reference Feed feed) {
        this.feed = feed;
    }

    @GET
    @Operation(operationId = "feedKinds", summary = "The kinds of record the feed offers and its version",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(
                    responseCode = "200", description = "the kinds", content = @Content(schema = @Schema(
                            implementation = Kinds.class))))
    public Kinds kinds(@Context Caller caller) {
        return new Kinds(Feed.VERSION, feed.sources(caller).stream().map(source ->
                new Kind(source.kind(), "/api/v1/feed/" + source.kind(), source.itemType().getSimpleName()))
                .toList(), "/api/v1/feed/schema");
    }

    @GET
    @Path("schema")
    @Produces({FeedSchema.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(operationId = "feedSchema", summary = "The JSON Schema (2020-12) of the feed's items, one definition "
            + "per kind's item in $defs", responses = @ApiResponse(responseCode = "200", description = "the schema",
                    content = @Content(mediaType = FeedSchema.MEDIA_TYPE, schema = @Schema(type = "object"))))
    public String schema() {
        return FeedSchema.document(feed.sources());
    }

    @GET
    @Path("registrations")
    @Operation(operationId = "feedRegistrations", summary = "Institutions, as their registrations in the reader's "
            + "city or its county's city, changed after the position", security = @SecurityRequirement(
                    name = AuthResource.BEARER), responses = @ApiResponse(responseCode = "200", description = "a page",
                            content = @Content(schema = @Schema(implementation = Registrations.class))))
    public Registrations registrations(@Context Caller caller,
            @Parameter(description = AFTER) @QueryParam("after") String after,
            @Parameter(description = LIMIT) @QueryParam("limit") @DefaultValue("500") int limit) {
        FeedPage<?> page = feed.read(caller, "registrations", after, limit);
        return new Registrations(items(page, FeedRegistration.class), next(page), page.more());
    }

    @GET
    @Path("classes")
    @Operation(operationId = "feedClasses", summary = "Classes held in the reader's city or its county's city, "
            + "changed after the position", security = @SecurityRequirement(name = AuthResource.BEARER),
            responses = @ApiResponse(responseCode = "200", description = "a page", content = @Content(
                    schema = @Schema(implementation = Classes.class))))
    public Classes classes(@Context Caller caller, @Parameter(description = AFTER) @QueryParam("after") String after,
            @Parameter(description = LIMIT) @QueryParam("limit") @DefaultValue("500") int limit) {
        FeedPage<?> page = feed.read(caller, "classes", after, limit);
        return new Classes(items(page, FeedClass.class), next(page), page.more());
    }

    @GET
    @Path("enrolments")
    @Operation(operationId = "feedEnrolments", summary = "Enrolments of the learners of the reader's region with "
            + "the ledger's totals, the test and the certificate, changed after the position",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(
                    responseCode = "200", description = "a page", content = @Content(schema = @Schema(
                            implementation = Enrolments.class))))
    public Enrolments enrolments(@Context Caller caller,
            @Parameter(description = AFTER) @QueryParam("after") String after,
            @Parameter(description = LIMIT) @QueryParam("limit") @DefaultValue("500") int limit) {
        FeedPage<?> page = feed.read(caller, "enrolments", after, limit);
        return new Enrolments(items(page, FeedEnrolment.class), next(page), page.more());
    }

    @GET
    @Path("certificates")
    @Operation(operationId = "feedCertificates", summary = "Certificates of the learners of the reader's region, "
            + "issued or revoked after the position", security = @SecurityRequirement(name = AuthResource.BEARER),
            responses = @ApiResponse(responseCode = "200", description = "a page", content = @Content(
                    schema = @Schema(implementation = Certificates.class))))
    public Certificates certificates(@Context Caller caller,
            @Parameter(description = AFTER) @QueryParam("after") String after,
            @Parameter(description = LIMIT) @QueryParam("limit") @DefaultValue("500") int limit) {
        FeedPage<?> page = feed.read(caller, "certificates", after, limit);
        return new Certificates(items(page, FeedCertificate.class), next(page), page.more());
    }

    @GET
    @Path("checkpoints")
    @Operation(operationId = "feedCheckpoints", summary = "The ledger's signed checkpoints after the position, by "
            + "tree size", security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(
                    responseCode = "200", description = "a page", content = @Content(schema = @Schema(
                            implementation = Checkpoints.class))))
    public Checkpoints checkpoints(@Context Caller caller,
            @Parameter(description = AFTER) @QueryParam("after") String after,
            @Parameter(description = LIMIT) @QueryParam("limit") @DefaultValue("500") int limit) {
        FeedPage<?> page = feed.read(caller, "checkpoints", after, limit);
        return new Checkpoints(items(page, FeedCheckpoint.class), next(page), page.more());
    }

    private static <T> List<T> items(FeedPage<?> page, Class<T> type) {
        return page.items().stream().map(type::cast).toList();
    }

    private static String next(FeedPage<?> page) {
        return Long.toString(page.last());
    }
}
