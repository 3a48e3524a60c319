package cn.anxun.rest.internal;

import java.net.URI;

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
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.identity.Caller;
import cn.anxun.rest.ApiResource;
import cn.anxun.supervision.Finding;
import cn.anxun.supervision.FindingDraft;
import cn.anxun.supervision.FindingList;
import cn.anxun.supervision.FindingQuery;
import cn.anxun.supervision.FindingStep;
import cn.anxun.supervision.Findings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Findings: raised by regulators in their region, answered by the institution, decided by the regulators. */
@Component(service = ApiResource.class)
@Path("/findings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "findings", description = "Regulators' findings and their rectification (整改)")
public class FindingsResource implements ApiResource {

    private final Findings findings;

    @Activate
    public FindingsResource(@Reference Findings findings) {
        this.findings = findings;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "raiseFinding", summary = "Raises a finding against a registration, course, class or "
            + "learner the regulator may read, with a deadline for rectification; audited",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(responseCode = "201",
                    description = "raised", content = @Content(schema = @Schema(implementation = Finding.class))))
    public Response raise(@Context Caller caller, FindingDraft draft) {
        Finding raised = findings.raise(caller, Problems.required("body", draft));
        return Response.created(URI.create("findings/" + raised.id())).entity(raised).build();
    }

    @GET
    @Operation(operationId = "listFindings", summary = "The findings the caller may read, newest first",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(
                    responseCode = "200", description = "a page; next names the following one", content = @Content(
                            schema = @Schema(implementation = FindingList.class))))
    public FindingList list(@Context Caller caller,
            @Parameter(description = "city or county code: findings raised there") @QueryParam("region")
            String region,
            @QueryParam("institution") String institution,
            @Parameter(description = "REGISTRATION, COURSE, CLASS or LEARNER") @QueryParam("subject") String subject,
            @Parameter(description = "the record found against") @QueryParam("subjectId") String subjectId,
            @Parameter(description = "OPEN, ANSWERED or CLOSED") @QueryParam("status") String status,
            @Parameter(description = "open ones past their deadline only") @QueryParam("overdue") boolean overdue,
            @BeanParam Paging paging) {
        return findings.list(caller, new FindingQuery(region, institution,
                subject == null ? null : Problems.oneOf("subject", Finding.Subject.class, subject), subjectId,
                status == null ? null : Problems.oneOf("status", Finding.Status.class, status), overdue,
                paging.after, paging.limit));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getFinding", summary = "A finding with its history",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(
                    responseCode = "200", description = "the finding", content = @Content(schema = @Schema(
                            implementation = Finding.class))))
    public Finding get(@Context Caller caller, @PathParam("id") String id) {
        return findings.get(caller, id);
    }

    @POST
    @Path("{id}/steps")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "stepFinding", summary = "ANSWER (the institution's admin), or REOPEN with a new "
            + "deadline, ESCALATE, SUSPEND or REVOKE a registration citing it, CLOSE (a regulator of the region "
            + "that decides it); audited", security = @SecurityRequirement(name = AuthResource.BEARER),
            responses = {
                @ApiResponse(responseCode = "200", description = "the finding after the step",
                        content = @Content(schema = @Schema(implementation = Finding.class))),
                @ApiResponse(responseCode = "409", description = "the finding's status does not allow the step, or "
                        + "the registration's does not allow the sanction")})
    public Finding step(@Context Caller caller, @PathParam("id") String id, FindingStep step) {
        return findings.step(caller, id, Problems.required("body", step));
    }
}
