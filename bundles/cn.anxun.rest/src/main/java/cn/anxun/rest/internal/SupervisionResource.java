package cn.anxun.rest.internal;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.ws.rs.BeanParam;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
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
import cn.anxun.archive.CertificateList;
import cn.anxun.archive.Certificates;
import cn.anxun.classes.Breakdown;
import cn.anxun.classes.ClassList;
import cn.anxun.classes.Classes;
import cn.anxun.classes.EnrolmentProgress;
import cn.anxun.classes.ProgressList;
import cn.anxun.classes.TrainingClass;
import cn.anxun.courses.Course;
import cn.anxun.courses.CourseFeedback;
import cn.anxun.courses.CourseList;
import cn.anxun.courses.CourseRating;
import cn.anxun.courses.CourseRatingList;
import cn.anxun.courses.Courses;
import cn.anxun.identity.AccessPolicy;
import cn.anxun.identity.AuditLog;
import cn.anxun.identity.Caller;
import cn.anxun.identity.ListPage;
import cn.anxun.identity.NotFoundException;
import cn.anxun.identity.RecordKind;
import cn.anxun.identity.RegionQuery;
import cn.anxun.institutions.Registration;
import cn.anxun.institutions.RegistrationList;
import cn.anxun.institutions.Registrations;
import cn.anxun.rest.ApiResource;
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

/**
 * Supervision: what the regulators of a region see of its training, and nothing beyond it. Each list pages by
 * position and exports whole, with the same filters, as a spreadsheet.
 */
@Component(service = ApiResource.class)
@Path("/supervision")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "supervision", description = "The regulators' view of their region: overview and lists")
public class SupervisionResource implements ApiResource {

    private static final String PAGE = "a page; next names the following one";

    private final Supervision supervision;
    private final Classes classes;
    private final Registrations registrations;
    private final Certificates certificates;
    private final Courses courses;
    private final CourseFeedback feedback;
    private final Map<String, Sheet<?>> sheets;

    @Activate
    public SupervisionResource(@Reference Supervision supervision, @Reference Classes classes,
            @Reference Registrations registrations, @Reference Certificates certificates, @Reference Courses courses,
            @Reference CourseFeedback feedback, @Reference AccessPolicy policy, @Reference AuditLog audit) {
        this.supervision = supervision;
        this.classes = classes;
        this.registrations = registrations;
        this.certificates = certificates;
        this.courses = courses;
        this.feedback = feedback;
        this.sheets = Map.of(
                "progress", new Sheet<>(RecordKind.ENROLMENT, classes::progress, progressColumns(), policy, audit),
                "classes", new Sheet<>(RecordKind.CLASS, classes::list, classColumns(), policy, audit),
                "registrations", new Sheet<>(RecordKind.REGISTRATION, registrations::list, registrationColumns(),
                        policy, audit),
                "certificates", new Sheet<>(RecordKind.CERTIFICATE, certificates::list, certificateColumns(),
                        policy, audit),
                "courses", new Sheet<>(RecordKind.COURSE, courses::list, courseColumns(), policy, audit),
                "feedback", new Sheet<>(RecordKind.COURSE_FEEDBACK, feedback::list, ratingColumns(), policy,
                        audit));
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
            + "learner: hours credited, completion, test, certificate; a region selects by the learner's, dates the "
            + "classes running in the period", security = @SecurityRequirement(name = AuthResource.BEARER),
            responses = @ApiResponse(responseCode = "200", description = PAGE, content = @Content(
                    schema = @Schema(implementation = ProgressList.class))))
    public ProgressList progress(@Context Caller caller, @BeanParam RegionFilters filters,
            @BeanParam Paging paging) {
        return classes.progress(caller, filters.query(paging));
    }

    @GET
    @Path("classes")
    @Operation(operationId = "listSupervisedClasses", summary = "Classes in the caller's reach, newest opened "
            + "first; a region selects the classes of its city, dates the classes running in the period",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(
                    responseCode = "200", description = PAGE, content = @Content(
                            schema = @Schema(implementation = ClassList.class))))
    public ClassList classes(@Context Caller caller, @BeanParam RegionFilters filters,
            @BeanParam Paging paging) {
        return classes.list(caller, filters.query(paging));
    }

    @GET
    @Path("registrations")
    @Operation(operationId = "listSupervisedRegistrations", summary = "Institutions' registrations (备案) in the "
            + "caller's reach, newest submitted first, with their history; a region selects those of its city, "
            + "dates the day of submission", security = @SecurityRequirement(name = AuthResource.BEARER),
            responses = @ApiResponse(responseCode = "200", description = PAGE, content = @Content(
                    schema = @Schema(implementation = RegistrationList.class))))
    public RegistrationList registrations(@Context Caller caller, @BeanParam RegionFilters filters,
            @BeanParam Paging paging) {
        return registrations.list(caller, filters.query(paging));
    }

    @GET
    @Path("certificates")
    @Operation(operationId = "listSupervisedCertificates", summary = "Certificates in the caller's reach, newest "
            + "issued first, revoked ones too, names and ID numbers masked; a region selects by the learner's, dates "
            + "the day of issue", security = @SecurityRequirement(name = AuthResource.BEARER),
            responses = @ApiResponse(responseCode = "200", description = PAGE, content = @Content(
                    schema = @Schema(implementation = CertificateList.class))))
    public CertificateList certificates(@Context Caller caller, @BeanParam RegionFilters filters,
            @BeanParam Paging paging) {
        return certificates.list(caller, filters.query(paging));
    }

    @GET
    @Path("courses")
    @Operation(operationId = "listSupervisedCourses", summary = "Courses in the caller's reach with their units, "
            + "hours and review, newest created first; a region selects the courses of the institutions its city "
            + "supervises, dates the day of creation", security = @SecurityRequirement(name = AuthResource.BEARER),
            responses = @ApiResponse(responseCode = "200", description = PAGE, content = @Content(
                    schema = @Schema(implementation = CourseList.class))))
    public CourseList courses(@Context Caller caller, @BeanParam RegionFilters filters, @BeanParam Paging paging) {
        return courses.list(caller, filters.query(paging));
    }

    @GET
    @Path("feedback")
    @Operation(operationId = "listSupervisedFeedback", summary = "Learners' ratings of the courses in the caller's "
            + "reach, newest first, without who gave them; filters select by the course as the list of courses does, "
            + "dates the day of rating", security = @SecurityRequirement(name = AuthResource.BEARER),
            responses = @ApiResponse(responseCode = "200", description = PAGE, content = @Content(
                    schema = @Schema(implementation = CourseRatingList.class))))
    public CourseRatingList feedback(@Context Caller caller, @BeanParam RegionFilters filters,
            @BeanParam Paging paging) {
        return feedback.list(caller, filters.query(paging));
    }

    @GET
    @Path("{list}/export")
    @Produces({SheetFormat.XLSX_TYPE, "text/csv"})
    @Operation(operationId = "exportSupervisedList", summary = "Every row of a list with the same filters, as a "
            + "spreadsheet written whole before it is sent; audited",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(
                    responseCode = "200", description = "the sheet, one row per item of the list", content = {
                                @Content(mediaType = SheetFormat.XLSX_TYPE, schema = @Schema(type = "string",
                                        format = "binary")),
                                @Content(mediaType = "text/csv", schema = @Schema(type = "string",
                                        format = "binary"))}))
    public Response export(@Context Caller caller,
            @Parameter(description = "the list", schema = @Schema(allowableValues = {"progress", "classes",
                "registrations", "certificates", "courses", "feedback"})) @PathParam("list") String list,
            @BeanParam RegionFilters filters,
            @Parameter(description = "XLSX or CSV (UTF-8 with a byte order mark)") @QueryParam("format")
            @DefaultValue("XLSX") String format) {
        SheetFormat chosen = Problems.oneOf("format", SheetFormat.class, format.toUpperCase(Locale.ROOT));
        Sheet<?> sheet = sheets.get(list);
        if (sheet == null) {
            throw new NotFoundException("There is no list " + list + ".");
        }
        return sheet.export(caller, list, filters, chosen);
    }

    /** How a list is read, page by page, and written as a spreadsheet. */
    private record Sheet<T>(RecordKind kind, Reader<T> read, SheetColumns<T> columns, AccessPolicy policy,
            AuditLog audit) {

        /** Every page of the list, each row as the columns give it, into a file that is sent once it is whole. */
        Response export(Caller caller, String list, RegionFilters filters, SheetFormat format) {
            policy.reach(caller, cn.anxun.identity.Operation.EXPORT, kind);
            RegionQuery all = filters.query(null, RegionQuery.MAX_LIMIT);
            Response sheet = Documents.spooled(list + "." + format.extension(), format.mediaType(), out -> {
                try (SheetWriter writer = SheetWriter.open(format, out, columns.header())) {
                    for (ListPage<T> page = read.apply(caller, all); page != null; page = page.next() == null ? null
                            : read.apply(caller, all.after(page.next()))) {
                        page.items().forEach(row -> writer.row(columns.cells(row)));
                    }
                }
            });
            audit.record(caller, kind.label() + ".export", "supervision:" + list, filters.region, "success",
                    format.name());
            return sheet;
        }
    }

    /** A service's list: a page of it for a caller. */
    private interface Reader<T> {
        ListPage<T> apply(Caller caller, RegionQuery query);
    }

    private static SheetColumns<EnrolmentProgress> progressColumns() {
        return new SheetColumns<EnrolmentProgress>().add("classId", EnrolmentProgress::classId)
                .add("className", EnrolmentProgress::className).add("learnerId", EnrolmentProgress::learnerId)
                .add("institutionId", EnrolmentProgress::institutionId)
                .add("programmeCode", EnrolmentProgress::programmeCode).add("city", EnrolmentProgress::city)
                .add("region", EnrolmentProgress::region).add("startsOn", EnrolmentProgress::startsOn)
                .add("endsOn", EnrolmentProgress::endsOn).add("enrolledAt", EnrolmentProgress::enrolledAt)
                .add("creditedSeconds", EnrolmentProgress::creditedSeconds)
                .add("requiredSeconds", EnrolmentProgress::requiredSeconds)
                .add("lastCreditedAt", EnrolmentProgress::lastCreditedAt)
                .add("completedAt", EnrolmentProgress::completedAt).add("attempts", EnrolmentProgress::attempts)
                .add("test", EnrolmentProgress::test).add("bestScore", EnrolmentProgress::bestScore)
                .add("passedAt", EnrolmentProgress::passedAt).add("certificate", EnrolmentProgress::certificate)
                .add("certificateRevoked", EnrolmentProgress::certificateRevoked);
    }

    private static SheetColumns<TrainingClass> classColumns() {
        return new SheetColumns<TrainingClass>().add("classId", TrainingClass::id).add("name", TrainingClass::name)
                .add("institutionId", TrainingClass::institutionId).add("city", TrainingClass::city)
                .add("programmeCode", TrainingClass::programmeCode)
                .add("programmeName", TrainingClass::programmeName).add("kind", TrainingClass::kind)
                .add("onlineHours", TrainingClass::onlineHours).add("startsOn", TrainingClass::startsOn)
                .add("endsOn", TrainingClass::endsOn).add("learners", TrainingClass::learners)
                .add("openedAt", TrainingClass::openedAt);
    }

    private static SheetColumns<Registration> registrationColumns() {
        return new SheetColumns<Registration>().add("registrationId", Registration::id)
                .add("institutionId", Registration::institutionId)
                .add("institutionName", Registration::institutionName)
                .add("creditCode", Registration::creditCode).add("city", Registration::city)
                .add("status", Registration::status).add("registrationNumber", Registration::registrationNumber)
                .add("submittedAt", Registration::submittedAt)
                .add("offlineFilingNumber", r -> r.offlineMatch() == null ? null : r.offlineMatch().filingNumber());
    }

    private static SheetColumns<Course> courseColumns() {
        return new SheetColumns<Course>().add("courseId", Course::id).add("title", Course::title)
                .add("institutionId", Course::institutionId).add("status", Course::status)
                .add("programmes", c -> c.programmes().stream().map(Course.ProgrammeFit::code)
                        .collect(Collectors.joining("; ")))
                .add("teachers", c -> String.join("; ", c.teachers())).add("units", c -> c.units().size())
                .add("durationSeconds", c -> c.duration() == null ? null : c.duration().toSeconds())
                .add("hours", Course::hours).add("createdAt", Course::createdAt).add("updatedAt", Course::updatedAt);
    }

    private static SheetColumns<CourseRating> ratingColumns() {
        return new SheetColumns<CourseRating>().add("courseId", CourseRating::courseId)
                .add("courseTitle", CourseRating::courseTitle).add("institutionId", CourseRating::institutionId)
                .add("score", CourseRating::score)
                .add("teachers", r -> new TreeMap<>(r.teachers()).entrySet().stream()
                        .map(t -> t.getKey() + " " + t.getValue()).collect(Collectors.joining("; ")))
                .add("comment", CourseRating::comment).add("commentHeld", CourseRating::commentHeld)
                .add("ratedAt", CourseRating::ratedAt);
    }

    private static SheetColumns<Certificate> certificateColumns() {
        return new SheetColumns<Certificate>().add("number", Certificate::number)
                .add("status", Certificate::status).add("learnerId", Certificate::learnerId)
                .add("learnerName", Certificate::learnerName).add("idNumber", Certificate::idNumber)
                .add("classId", Certificate::classId).add("className", Certificate::className)
                .add("programmeCode", Certificate::programmeCode).add("institutionId", Certificate::institutionId)
                .add("institutionName", Certificate::institutionName).add("city", Certificate::city)
                .add("creditedSeconds", Certificate::creditedSeconds).add("onlineHours", Certificate::onlineHours)
                .add("completedOn", Certificate::completedOn).add("score", Certificate::score)
                .add("passMark", Certificate::passMark).add("issuedAt", Certificate::issuedAt)
                .add("revokedAt", Certificate::revokedAt).add("revocationReason", Certificate::revocationReason);
    }
}
