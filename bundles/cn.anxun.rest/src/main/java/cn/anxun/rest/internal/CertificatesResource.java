package cn.anxun.rest.internal;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
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
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A study-hour certificate: its details, its PDF and its revocation. */
@Component(service = ApiResource.class)
@Path("/certificates/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "certificates", description = "Study-hour certificates, printable and verifiable")
public class CertificatesResource implements ApiResource {

    private final Certificates certificates;

    @Activate
    public CertificatesResource(@Reference Certificates certificates) {
        this.certificates = certificates;
    }

    /** Why a certificate is revoked. */
    public record Revocation(String reason) {
    }

    @GET
    @Operation(operationId = "getCertificate", summary = "A certificate: for its learner, the class's institution, "
            + "its regulators and the operator", security = @SecurityRequirement(name = AuthResource.BEARER),
            responses = @ApiResponse(responseCode = "200", description = "the certificate", content = @Content(
                    schema = @Schema(implementation = Certificate.class))))
    public Certificate get(@Context Caller caller, @PathParam("id") String id) {
        return certificates.get(caller, id);
    }

    @GET
    @Path("document")
    @Produces("application/pdf")
    @Operation(operationId = "getCertificateDocument", summary = "The certificate as a PDF in Chinese, with its QR "
            + "code; the same certificate gives the same bytes. Audited.", security = @SecurityRequirement(
                    name = AuthResource.BEARER), responses = @ApiResponse(responseCode = "200",
                            description = "the PDF", content = @Content(mediaType = "application/pdf", schema =
                                    @Schema(type = "string", format = "binary"))))
    public Response document(@Context Caller caller, @PathParam("id") String id) {
        Certificate certificate = certificates.get(caller, id);
        return Response.ok(certificates.document(caller, id), "application/pdf").header(
                HttpHeaders.CONTENT_DISPOSITION, Documents.attachment("培训合格证明-" + certificate.number() + ".pdf"))
                .build();
    }

    @POST
    @Path("revocation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "revokeCertificate", summary = "Revokes the certificate with a reason: the operator or "
            + "a regulator of the class's city; it then verifies as revoked. Audited.", security =
                    @SecurityRequirement(name = AuthResource.BEARER), responses = {
                        @ApiResponse(responseCode = "200", description = "the revoked certificate", content =
                                @Content(schema = @Schema(implementation = Certificate.class))),
                        @ApiResponse(responseCode = "409", description = "revoked already")})
    public Certificate revoke(@Context Caller caller, @PathParam("id") String id, Revocation body) {
        return certificates.revoke(caller, id, body == null ? null : body.reason());
    }
}
