package cn.anxun.rest.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;

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

import cn.anxun.identity.AuditEntry;
import cn.anxun.identity.AuditLog;
import cn.anxun.identity.AuditQuery;
import cn.anxun.identity.Caller;
import cn.anxun.identity.Page;
import cn.anxun.rest.ApiResource;
import cn.anxun.rest.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The audit log, for auditors and the province regulator. */
@Component(service = ApiResource.class)
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit", description = "Append-only log of logins, personal-data reads and account changes")
public class AuditResource implements ApiResource {

    private final AuditLog audit;

    @Activate
    public AuditResource(@Reference AuditLog audit) {
        this.audit = audit;
    }

    @GET
    @Operation(operationId = "queryAudit", summary = "Audit rows, newest first, filtered", security = @SecurityRequirement(name = AuthResource.BEARER))
    public Page<AuditEntry> query(@Context Caller caller,
            @Parameter(description = "ISO-8601 instant, inclusive") @QueryParam("from") String from,
            @Parameter(description = "ISO-8601 instant, exclusive") @QueryParam("to") String to,
            @Parameter(description = "account id, or the name given at a failed login") @QueryParam("actor") String actor,
            @Parameter(description = "e.g. learner:<id>") @QueryParam("target") String target,
            @Parameter(description = "e.g. personal-data.read") @QueryParam("action") String action,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @Parameter(description = "at most 500") @QueryParam("limit") @DefaultValue("100") int limit) {
        return audit.query(caller, new AuditQuery(instant("from", from), instant("to", to), actor, target, action,
                offset, limit));
    }

    private static Instant instant(String parameter, String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidParameter(parameter, "iso-8601-instant",
                    "must be an ISO-8601 instant such as 2026-11-28T08:00:00Z");
        }
    }
}
