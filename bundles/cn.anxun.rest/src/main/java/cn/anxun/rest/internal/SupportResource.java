package cn.anxun.rest.internal;

import java.io.InputStream;
import java.net.URI;
import java.time.DateTimeException;
import java.time.YearMonth;

import javax.ws.rs.BeanParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
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
import cn.anxun.rest.ApiResource;
import cn.anxun.rest.ProblemException;
import cn.anxun.sheets.SheetFormat;
import cn.anxun.support.CalendarYear;
import cn.anxun.support.SlaReport;
import cn.anxun.support.Ticket;
import cn.anxun.support.TicketAttachment;
import cn.anxun.support.TicketDraft;
import cn.anxun.support.TicketList;
import cn.anxun.support.Tickets;
import cn.anxun.support.WorkingCalendar;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Support: tickets, their deadlines and escalation, the monthly report, the working-day calendar. */
@Component(service = ApiResource.class)
@Path("/support")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "support", description = "Support tickets answered within two hours and resolved within three working "
        + "days")
public class SupportResource implements ApiResource {

    /** A message of a ticket's conversation. */
    public record MessageText(String text) {
    }

    /** What an escalation run did. */
    public record Escalation(int escalated) {
    }

    private final Tickets tickets;
    private final WorkingCalendar calendar;

    @Activate
    public SupportResource(@Reference Tickets tickets, @Reference WorkingCalendar calendar) {
        this.tickets = tickets;
        this.calendar = calendar;
    }

    @POST
    @Path("tickets")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "openTicket", summary = "Opens a ticket (learners, institutions, regulators): its first "
            + "answer is due in two hours, its resolution by the end of the third working day after today",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(responseCode = "201",
                    description = "opened", content = @Content(schema = @Schema(implementation = Ticket.class))))
    public Response open(@Context Caller caller, TicketDraft draft) {
        Ticket opened = tickets.open(caller, Problems.required("body", draft));
        return Response.created(URI.create("support/tickets/" + opened.id())).entity(opened).build();
    }

    @GET
    @Path("tickets")
    @Operation(operationId = "listTickets", summary = "The caller's own tickets; every ticket for the support staff; "
            + "newest first", security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(
                    responseCode = "200", description = "a page; next names the following one", content = @Content(
                            schema = @Schema(implementation = TicketList.class))))
    public TicketList list(@Context Caller caller,
            @Parameter(description = "OPEN, WAITING or RESOLVED") @QueryParam("status") String status,
            @Parameter(description = "unresolved ones past a deadline only") @QueryParam("overdue") boolean overdue,
            @BeanParam Paging paging) {
        return tickets.list(caller, status == null ? null : Problems.oneOf("status", Ticket.Status.class, status),
                overdue, paging.after, paging.limit);
    }

    @GET
    @Path("tickets/{id}")
    @Operation(operationId = "getTicket", summary = "A ticket with its conversation and deadlines",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(
                    responseCode = "200", description = "the ticket", content = @Content(schema = @Schema(
                            implementation = Ticket.class))))
    public Ticket get(@Context Caller caller, @PathParam("id") String id) {
        return tickets.get(caller, id);
    }

    @POST
    @Path("tickets/{id}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replyToTicket", summary = "A message: the support staff's answers the ticket, the "
            + "opener's opens it again", security = @SecurityRequirement(name = AuthResource.BEARER),
            responses = @ApiResponse(responseCode = "200", description = "the ticket after the message",
                    content = @Content(schema = @Schema(implementation = Ticket.class))))
    public Ticket reply(@Context Caller caller, @PathParam("id") String id, MessageText message) {
        return tickets.reply(caller, id, Problems.required("body", message).text());
    }

    @POST
    @Path("tickets/{id}/attachments")
    @Consumes({"image/png", "image/jpeg", "application/pdf", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(operationId = "attachToTicket", summary = "Attaches a file, for the opener or the support staff: a PNG "
            + "or JPEG picture, kept drawn again without its metadata, or a PDF whose text holds no contact details; "
            + "at most 5 MiB, ten a ticket; audited", security = @SecurityRequirement(name = AuthResource.BEARER),
            responses = {
                @ApiResponse(responseCode = "201", description = "the attachment as kept", content = @Content(
                        schema = @Schema(implementation = TicketAttachment.class))),
                @ApiResponse(responseCode = "409", description = "the ticket has ten attachments")})
    public Response attach(@Context Caller caller, @PathParam("id") String id,
            @Parameter(description = "the file's name, kept with it") @QueryParam("filename") String filename,
            InputStream content) {
        TicketAttachment attached = tickets.attach(caller, id, filename, content);
        return Response.created(URI.create("support/tickets/" + id + "/attachments/" + attached.id()))
                .entity(attached).build();
    }

    @GET
    @Path("tickets/{id}/attachments/{attachment}")
    @Produces({"image/png", "image/jpeg", "application/pdf", MediaType.APPLICATION_JSON})
    @Operation(operationId = "getTicketAttachment", summary = "An attachment as kept; audited",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(
                    responseCode = "200", description = "the file", content = {
                        @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
                        @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
                        @Content(mediaType = "application/pdf", schema = @Schema(type = "string",
                                format = "binary"))}))
    public Response attachment(@Context Caller caller, @PathParam("id") String id,
            @PathParam("attachment") String attachment) {
        TicketAttachment.Content content = tickets.attachment(caller, id, attachment);
        return Response.ok(content.bytes(), content.attachment().mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, Documents.attachment(content.attachment().filename()))
                .header("Digest", "sha-256=" + content.attachment().sha256()).build();
    }

    @POST
    @Path("tickets/{id}/resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "resolveTicket", summary = "The support staff's last message, resolving the ticket",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = {
                @ApiResponse(responseCode = "200", description = "the ticket, resolved", content = @Content(
                        schema = @Schema(implementation = Ticket.class))),
                @ApiResponse(responseCode = "409", description = "resolved already")})
    public Ticket resolve(@Context Caller caller, @PathParam("id") String id, MessageText message) {
        return tickets.resolve(caller, id, Problems.required("body", message).text());
    }

    @POST
    @Path("escalations")
    @Operation(operationId = "escalateTickets", summary = "Escalates now, as the job does every five minutes, every "
            + "unresolved ticket past a deadline it was not escalated for (support staff)",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(
                    responseCode = "200", description = "how many were escalated", content = @Content(
                            schema = @Schema(implementation = Escalation.class))))
    public Escalation escalate(@Context Caller caller) {
        return new Escalation(tickets.escalate(caller));
    }

    @GET
    @Path("reports/{month}")
    @Operation(operationId = "getSupportReport", summary = "The tickets opened in a month: answered and resolved, "
            + "median times, deadlines missed (support staff)",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(
                    responseCode = "200", description = "the report", content = @Content(schema = @Schema(
                            implementation = SlaReport.class))))
    public SlaReport report(@Context Caller caller,
            @Parameter(description = "e.g. 2026-10") @PathParam("month") String month) {
        try {
            return tickets.report(caller, YearMonth.parse(month));
        } catch (DateTimeException e) {
            throw ProblemException.invalidParameter("month", "year-month", "is a month such as 2026-10");
        }
    }

    @GET
    @Path("calendar/{year}")
    @Operation(operationId = "getWorkingCalendar", summary = "A year's public holidays and the weekend days worked "
            + "in their exchange, and whether they are loaded (operator)",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(
                    responseCode = "200", description = "the year", content = @Content(schema = @Schema(
                            implementation = CalendarYear.class))))
    public CalendarYear calendarYear(@Context Caller caller, @PathParam("year") int year) {
        return calendar.year(caller, year);
    }

    @PUT
    @Path("calendar/{year}")
    @Consumes({"text/csv", SheetFormat.XLSX_TYPE, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(operationId = "loadWorkingCalendar", summary = "Replaces a year's days with a sheet (CSV or .xlsx) of "
            + "rows date, kind (HOLIDAY or WORKDAY), name under a header: all rows or none; audited (operator)",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(
                    responseCode = "200", description = "the year as loaded", content = @Content(schema = @Schema(
                            implementation = CalendarYear.class))))
    public CalendarYear loadCalendar(@Context Caller caller, @PathParam("year") int year, byte[] sheet) {
        return calendar.load(caller, year, sheet);
    }
}
