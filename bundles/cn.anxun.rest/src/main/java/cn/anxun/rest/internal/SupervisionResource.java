package cn.anxun.rest.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.classes.Breakdown;
import cn.anxun.classes.Classes;
import cn.anxun.classes.EnrolmentProgress;
import cn.anxun.classes.ProgressList;
import cn.anxun.classes.ProgressQuery;
import cn.anxun.identity.AccessPolicy;
import cn.anxun.identity.AuditLog;
import cn.anxun.identity.Caller;
import cn.anxun.identity.RecordKind;
import cn.anxun.rest.ApiResource;
import cn.anxun.rest.ProblemException;
import cn.anxun.sheets.SheetFormat;
import cn.anxun.sheets.SheetWriter;
import cn.anxun.supervision.Overview;
import cn.anxun.supervision.Supervision;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Supervision: what the regulators of a region see of its training, and nothing beyond it. */
@Component(service = ApiResource.class)
@Path("/supervision")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "supervision", description = "The regulators' view of their region: overview and progress")
public class SupervisionResource implements ApiResource {

    private static final String[] PROGRESS_HEADER = {"classId", "className", "learnerId", "institutionId",
        "programmeCode", "city", "region", "startsOn", "endsOn", "enrolledAt", "creditedSeconds", "requiredSeconds",
        "lastCreditedAt", "completedAt", "attempts", "test", "bestScore", "passedAt", "certificate",
        "certificateRevoked"};

    private final Supervision supervision;
    private final Classes classes;
    private final AccessPolicy policy;
    private final AuditLog audit;

    @Activate
    public SupervisionResource(@Reference Supervision supervision, @Reference Classes classes,
            @Reference AccessPolicy policy, @Reference AuditLog audit) {
        this.supervision = supervision;
        this.classes = classes;
        this.policy = policy;
        this.audit = audit;
    }

    @GET
    @Path("overview")
    @Operation(operationId = "getSupervisionOverview", summary = "A region's learners enrolled and studying now, "
            + "hours credited this week and month, completion and pass rates, by city, county or institution",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(
                    responseCode = "200", description = "the overview", content = @Content(schema = @Schema(
                            implementation = Overview.class))))
    public Overview overview(@Context Caller caller,
            @Parameter(description = "city or county code; the caller's region if absent") @QueryParam("region")
            String region,
            @Parameter(description = "CITY, COUNTY or INSTITUTION") @QueryParam("by") @DefaultValue("CITY")
            String by) {
        return supervision.overview(caller, region, Problems.oneOf("by", Breakdown.class, by));
    }

    @GET
    @Path("progress")
    @Operation(operationId = "listSupervisedProgress", summary = "Enrolments in the caller's reach, by class and "
            + "learner: hours credited, completion, test, certificate",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(
                    responseCode = "200", description = "a page; next names the following one", content = @Content(
                            schema = @Schema(implementation = ProgressList.class))))
    public ProgressList progress(@Context Caller caller,
            @Parameter(description = "city or county code: the learners' region") @QueryParam("region")
            String region,
            @QueryParam("institution") String institution, @QueryParam("programme") String programme,
            @QueryParam("class") String classId,
            @Parameter(description = "ISO date: classes running on or after it") @QueryParam("from") String from,
            @Parameter(description = "ISO date: classes running on or before it") @QueryParam("to") String to,
            @Parameter(description = "the next of the page before") @QueryParam("after") String after,
            @Parameter(description = "at most 500") @QueryParam("limit") @DefaultValue("50") int limit) {
        return classes.progress(caller, new ProgressQuery(region, institution, programme, classId,
                date("from", from), date("to", to), after, limit));
    }

    @GET
    @Path("progress/export")
    @Produces({SheetFormat.XLSX_TYPE, "text/csv"})
    @Operation(operationId = "exportSupervisedProgress", summary = "Every enrolment of the progress list with the "
            + "same filters, as a spreadsheet written whole before it is sent; audited",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(
                    responseCode = "200", description = "the sheet, one row per enrolment", content = {
                                @Content(mediaType = SheetFormat.XLSX_TYPE, schema = @Schema(type = "string",
                                        format = "binary")),
                                @Content(mediaType = "text/csv", schema = @Schema(type = "string",
                                        format = "binary"))}))
    public Response exportProgress(@Context Caller caller, @QueryParam("region") String region,
            @QueryParam("institution") String institution, @QueryParam("programme") String programme,
            @QueryParam("class") String classId, @QueryParam("from") String from, @QueryParam("to") String to,
            @Parameter(description = "XLSX or CSV (UTF-8 with a byte order mark)") @QueryParam("format")
            @DefaultValue("XLSX") String format) {
        SheetFormat chosen = Problems.oneOf("format", SheetFormat.class, format.toUpperCase(Locale.ROOT));
        policy.reach(caller, cn.anxun.identity.Operation.EXPORT, RecordKind.ENROLMENT);
        ProgressQuery query = new ProgressQuery(region, institution, programme, classId, date("from", from),
                date("to", to), null, ProgressQuery.MAX_LIMIT);
        Response sheet = Documents.spooled("progress." + chosen.extension(), chosen.mediaType(), out -> {
            try (SheetWriter writer = SheetWriter.open(chosen, out, PROGRESS_HEADER)) {
                for (ProgressList page = classes.progress(caller, query); page != null; page = page.next() == null
                        ? null : classes.progress(caller, query.after(page.next()))) {
                    page.items().forEach(row -> writer.row(cells(row)));
                }
            }
        });
        audit.record(caller, "enrolment.export", "supervision:progress", region, "success", chosen.name());
        return sheet;
    }

    private static Object[] cells(EnrolmentProgress row) {
        return new Object[] {row.classId(), row.className(), row.learnerId(), row.institutionId(),
            row.programmeCode(), row.city(), row.region(), row.startsOn(), row.endsOn(), row.enrolledAt(),
            row.creditedSeconds(), row.requiredSeconds(), row.lastCreditedAt(), row.completedAt(), row.attempts(),
            row.test(), row.bestScore(), row.passedAt(), row.certificate(), row.certificateRevoked()};
    }

    private static LocalDate date(String parameter, String value) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidParameter(parameter, "iso-8601-date", "must be a date such as 2026-12-01");
        }
    }
}
