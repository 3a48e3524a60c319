package cn.anxun.rest.internal;

import java.net.URI;
import java.util.List;

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

import cn.anxun.archive.Certificate;
import cn.anxun.archive.Certificates;
import cn.anxun.identity.Caller;
import cn.anxun.rest.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A learner's certificates, and the issuing of one once a class is complete. */
@Component(service = ApiResource.class)
@Path("/learners/{learner}/certificates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "certificates")
public class LearnerCertificatesResource implements ApiResource {

    private final Certificates certificates;

    @Activate
    public LearnerCertificatesResource(@Reference Certificates certificates) {
        this.certificates = certificates;
    }

    @GET
    @Operation(operationId = "listLearnerCertificates", summary = "The learner's certificates, revoked ones too, "
            + "newest first", security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(
                    responseCode = "200", description = "the certificates", content = @Content(array = @ArraySchema(
                            schema = @Schema(implementation = Certificate.class)))))
    public List<Certificate> list(@Context Caller caller, @PathParam("learner") String learner) {
        return certificates.ofLearner(caller, learner);
    }

    @POST
    @Operation(operationId = "issueCertificate", summary = "Issues the learner's certificate of a class they "
            + "completed (online hours credited, test passed), by the learner or an administrator of the class's "
            + "institution; answers the valid one if there is one. Audited.", security = @SecurityRequirement(
                    name = AuthResource.BEARER), responses = {
                        @ApiResponse(responseCode = "201", description = "issued", content = @Content(schema =
                                @Schema(implementation = Certificate.class))),
                        @ApiResponse(responseCode = "200", description = "the valid certificate issued before",
                                content = @Content(schema = @Schema(implementation = Certificate.class))),
                        @ApiResponse(responseCode = "409", description = "the class is not complete yet")})
    public Response issue(@Context Caller caller, @PathParam("learner") String learner,
            @Parameter(description = "the class", required = true) @QueryParam("class") String trainingClass) {
        String classId = Problems.required("class", trainingClass);
        return certificates.current(caller, learner, classId).map(Response::ok).orElseGet(() -> {
            Certificate issued = certificates.issue(caller, learner, classId);
            return Response.created(URI.create("certificates/" + issued.id())).entity(issued);
        }).build();
    }
}
