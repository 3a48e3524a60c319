package cn.anxun.rest.internal;

import java.net.URI;
import java.time.DateTimeException;
import java.time.YearMonth;

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
import cn.anxun.rest.ApiResource;
import cn.anxun.rest.ProblemException;
import cn.anxun.sheets.SheetFormat;
import cn.anxun.support.CalendarYear;
import cn.anxun.support.SlaReport;
import cn.anxun.support.Ticket;
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
            @Parameter(description = "the next of the page before") @QueryParam("after") String after,
            @Parameter(description = "at most 500") @QueryParam("limit") @DefaultValue("50") int limit) {
        return tickets.list(caller, status == null ? null : Problems.oneOf("status", Ticket.Status.class, status),
                overdue, after, limit);
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
