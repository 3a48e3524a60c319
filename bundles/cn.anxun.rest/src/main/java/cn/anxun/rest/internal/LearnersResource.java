package cn.anxun.rest.internal;

import java.net.URI;

import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
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

import cn.anxun.identity.Caller;
import cn.anxun.identity.FacePhoto;
import cn.anxun.identity.Learner;
import cn.anxun.identity.LearnerRegistration;
import cn.anxun.identity.Learners;
import cn.anxun.identity.OneTimePassword;
import cn.anxun.identity.Page;
import cn.anxun.identity.PersonalData;
import cn.anxun.rest.Anonymous;
import cn.anxun.rest.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Learners: real-name registration, and what staff and regulators may see of them. */
@Component(service = ApiResource.class)
@Path("/learners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "learners", description = "Real-name learner accounts (R-21, R-26, R-27)")
public class LearnersResource implements ApiResource {

    private final Learners learners;

    @Activate
    public LearnersResource(@Reference Learners learners) {
        this.learners = learners;
    }

    @POST
    @Anonymous
    @Operation(operationId = "registerLearner", summary = "Register with real name, ID number and a reference face "
            + "photo. Unknown fields (phone, e-mail, …) are refused, so is contact data inside free text.",
            responses = {
                @ApiResponse(responseCode = "201", description = "registered",
                        content = @Content(schema = @Schema(implementation = Learner.class))),
                @ApiResponse(responseCode = "409", description = "the ID number is registered already; answered only "
                        + "once everything else, the face photo included, passed"),
                @ApiResponse(responseCode = "429", description = "too many registrations from this address lately; "
                        + "Retry-After says when the next is taken"),
                @ApiResponse(responseCode = "403", description = "sent with the token of an account that must set a "
                        + "password of its own first"),
                @ApiResponse(responseCode = "422", description = "a field breaks a rule; each is named")})
    public Response register(@Context Caller caller, LearnerRegistration registration) {
        Learner learner = learners.register(caller, registration);
        return Response.created(URI.create("learners/" + learner.id())).entity(learner).build();
    }

    @GET
    @Operation(operationId = "listLearners", summary = "The learners the caller may see, ID numbers masked, in "
            + "order of registration; with a name, only those of that name (the search is audited)",
            security = @SecurityRequirement(name = AuthResource.BEARER))
    public Page<Learner> list(@Context Caller caller,
            @Parameter(description = "the full name, e.g. 买买提·艾力") @QueryParam("name") String name,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @Parameter(description = "at most 200") @QueryParam("limit") @DefaultValue("50") int limit) {
        return name == null ? learners.list(caller, offset, limit) : learners.findByName(caller, name, offset, limit);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getLearner", summary = "One learner, ID number masked",
            security = @SecurityRequirement(name = AuthResource.BEARER))
    public Learner get(@Context Caller caller, @PathParam("id") String id) {
        return learners.get(caller, id);
    }

    @GET
    @Path("{id}/personal-data")
    @Operation(operationId = "getLearnerPersonalData", summary = "The full ID number and birth date; for the "
            + "learner, the operator, the institution's administrators and regulators of the region. Audited.",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(responseCode = "200",
                    description = "unmasked", content = @Content(schema = @Schema(implementation = PersonalData.class))))
    public Response personalData(@Context Caller caller, @PathParam("id") String id) {
        return Response.ok(learners.personalData(caller, id)).build();
    }

    @GET
    @Path("{id}/face-photo")
    @Produces({"image/jpeg", "image/png", MediaType.APPLICATION_JSON})
    @Operation(operationId = "getLearnerFacePhoto", summary = "The reference face photo; audited",
            security = @SecurityRequirement(name = AuthResource.BEARER),
            responses = @ApiResponse(responseCode = "200", description = "the reference photo", content = {
                    @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")), @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary"))}))
    public Response facePhoto(@Context Caller caller, @PathParam("id") String id) {
        FacePhoto photo = learners.facePhoto(caller, id);
        return Response.ok(photo.bytes(), photo.mediaType()).build();
    }

    @PUT
    @Path("{id}/face-photo")
    @Consumes({"image/jpeg", "image/png"})
    @Operation(operationId = "replaceLearnerFacePhoto", summary = "Re-enrol: a new reference photo (one usable face), "
            + "for the operator or an administrator of the learner's institution; earlier photos are kept; audited",
            security = @SecurityRequirement(name = AuthResource.BEARER),
            responses = @ApiResponse(responseCode = "204", description = "replaced"))
    public Response replaceFacePhoto(@Context Caller caller, @PathParam("id") String id, byte[] photo) {
        learners.replaceFacePhoto(caller, id, photo);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/password-reset")
    @Operation(operationId = "resetLearnerPassword", summary = "A new one-time password, for the operator or an "
            + "administrator of the learner's institution to hand over in person; the learner's sessions end",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(responseCode = "200",
                    description = "reset", content = @Content(schema = @Schema(implementation = OneTimePassword.class))))
    public Response resetPassword(@Context Caller caller, @PathParam("id") String id) {
        return Response.ok(learners.resetPassword(caller, id)).build();
    }

    @POST
    @Path("{id}/id-number-release")
    @Operation(operationId = "releaseLearnerIdNumber", summary = "Give a squatted ID number back to its holder, for "
            + "the operator once the holder proved their identity in person: this account is disabled, its sessions "
            + "end, and the number may be registered again. The account and its records stay; audited",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = {
                @ApiResponse(responseCode = "200", description = "released; the account as it is now",
                        content = @Content(schema = @Schema(implementation = Learner.class))),
                @ApiResponse(responseCode = "409", description = "released already")})
    public Learner releaseIdNumber(@Context Caller caller, @PathParam("id") String id, Disablement disablement) {
        return learners.releaseIdNumber(caller, id, disablement == null ? null : disablement.reason());
    }
}
