package cn.anxun.support.internal;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.anxun.identity.AccessPolicy;
import cn.anxun.identity.AuditLog;
import cn.anxun.identity.Caller;
import cn.anxun.identity.ConflictException;
import cn.anxun.identity.FreeText;
import cn.anxun.identity.NewestFirst;
import cn.anxun.identity.NotFoundException;
import cn.anxun.identity.Operation;
import cn.anxun.identity.Reach;
import cn.anxun.identity.RecordKind;
import cn.anxun.identity.Relation;
import cn.anxun.identity.Scope;
import cn.anxun.identity.Sealing;
import cn.anxun.platform.jobs.Scheduler;
import cn.anxun.support.SlaReport;
import cn.anxun.support.Ticket;
import cn.anxun.support.TicketAttachment;
import cn.anxun.support.TicketDraft;
import cn.anxun.support.TicketList;
import cn.anxun.support.Tickets;
import cn.anxun.support.WorkingCalendar;

/**
 * Tickets in the support unit. The opener is a ticket's subject, so the access policy lets them read and write their
 * own; the support staff (the operator's role) every one. A job escalates the tickets past a deadline.
 */
@Component(service = Tickets.class)
public class TicketsImpl implements Tickets {

    private static final Logger LOG = LoggerFactory.getLogger(TicketsImpl.class);
    private static final int MAX_LIMIT = 500;
    private static final String JOB = "support tickets past a deadline escalated";
    private static final String UNRESOLVED = "SELECT t FROM TicketRecord t WHERE t.resolvedAt IS NULL";

    private final JpaTemplate jpa;
    private final Clock clock;
    private final AccessPolicy policy;
    private final AuditLog audit;
    private final WorkingCalendar calendar;
    private final AutoCloseable job;
    private final Sealing sealing;

    @Activate
    public TicketsImpl(@Reference(target = "(osgi.unit.name=anxun-support)") JpaTemplate jpa, @Reference Clock clock,
            @Reference AccessPolicy policy, @Reference AuditLog audit, @Reference WorkingCalendar calendar,
            @Reference Scheduler scheduler, @Reference Sealing sealing) {
        this.jpa = jpa;
        this.sealing = sealing;
        this.clock = clock;
        this.policy = policy;
        this.audit = audit;
        this.calendar = calendar;
        this.job = scheduler.every(JOB, Duration.ZERO,
                Duration.ofMinutes(5), Duration.ofMinutes(2), () -> escalateDue(Caller.system()));
    }

    @Deactivate
    void deactivate() throws Exception {
        job.close();
    }

    @Override
    public Ticket open(Caller caller, TicketDraft draft) {
        TicketDraft valid = TicketRules.checked(draft);
        policy.require(caller, Operation.CREATE, new Scope(RecordKind.SUPPORT_TICKET, null,
                caller.accountId() == null ? Set.of() : Set.of(caller.accountId()), Set.of(), Set.of(), false));
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, TicketRules.CHINA);
        Instant resolutionDue = TicketRules.endOf(calendar.workingDaysAfter(day,
                TicketRules.RESOLUTION_WORKING_DAYS));
        return jpa.txExpr(TransactionType.Required, em -> {
            TicketRecord ticket = new TicketRecord(caller.accountId(), caller.mainRole(), valid.subject(), now,
                    now.plus(TicketRules.RESPONSE), resolutionDue);
            em.persist(ticket);
            em.persist(new MessageRecord(ticket, now, caller.name(), caller.mainRole(), false, valid.text()));
            audit.record(em, caller, "support-ticket.create", "support-ticket:" + ticket.id(), caller.regionCode(),
                    "success", null);
            em.flush();
            return view(em, ticket);
        });
    }

    @Override
    public Ticket get(Caller caller, String id) {
        TicketRecord ticket = find(id);
        policy.require(caller, Operation.READ, ticket.scope());
        return jpa.txExpr(TransactionType.Required, em -> view(em, ticket));
    }

    @Override
    public TicketList list(Caller caller, Ticket.Status status, boolean overdue, String after, int limit) {
        Reach.Condition reached = policy.reach(caller, Operation.READ, RecordKind.SUPPORT_TICKET)
                .condition(Map.of(Relation.SELF, "t.openedBy"));
        NewestFirst<TicketRecord> list = new NewestFirst<>(TicketRecord.class, "t", "openedAt", reached)
                .limit(limit, MAX_LIMIT)
                .equal("t.status", status == null ? null : status.name())
                .after(after);
        if (overdue) {
            list.where("t.resolvedAt IS NULL AND (t.resolutionDue < :now OR (t.respondedAt IS NULL "
                    + "AND t.responseDue < :now))", Map.of("now", clock.millis()));
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            NewestFirst.Page<TicketRecord> page = list.read(em, TicketRecord::openedAt, TicketRecord::id);
            return new TicketList(views(em, page.rows()), page.next());
        });
    }

    @Override
    public Ticket reply(Caller caller, String id, String text) {
        return write(caller, id, text, false);
    }

    @Override
    public Ticket resolve(Caller caller, String id, String text) {
        return write(caller, id, text, true);
    }

    /** A message of the opener or of the support staff, who alone may resolve; the opener's reopens the ticket. */
    private Ticket write(Caller caller, String id, String text, boolean resolving) {
        String valid = FreeText.required("text", text, TicketRules.MAX_TEXT);
        TicketRecord before = find(id);
        boolean support = policy.allows(caller, Operation.DECIDE, before.scope());
        policy.require(caller, resolving ? Operation.DECIDE : Operation.UPDATE, before.scope());
        return jpa.txExpr(TransactionType.Required, em -> {
            TicketRecord ticket = em.find(TicketRecord.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (resolving && ticket.status() == Ticket.Status.RESOLVED) {
                throw new ConflictException("The ticket is resolved already.");
            }
            Instant now = clock.instant();
            if (support) {
                ticket.answered(now, resolving);
            } else {
                ticket.reopened();
            }
            em.persist(new MessageRecord(ticket, now, caller.name(), caller.mainRole(), support, valid));
            audit.record(em, caller, resolving ? "support-ticket.resolve" : "support-ticket.reply",
                    "support-ticket:" + id, null, "success", null);
            em.flush();
            return view(em, ticket);
        });
    }

    @Override
    public TicketAttachment attach(Caller caller, String id, String filename, InputStream content) {
        String name = Attachments.filename(filename);
        TicketRecord before = find(id);
        boolean support = policy.allows(caller, Operation.DECIDE, before.scope());
        policy.require(caller, Operation.UPDATE, before.scope());
        Attachments.Kept kept = Attachments.read(content);
        return jpa.txExpr(TransactionType.Required, em -> {
            em.find(TicketRecord.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (em.createNamedQuery(AttachmentRecord.COUNT, Long.class).setParameter("ticket", id)
                    .getSingleResult() >= Attachments.MAX_PER_TICKET) {
                throw new ConflictException("The ticket has " + Attachments.MAX_PER_TICKET + " attachments already.");
            }
            AttachmentRecord attachment = new AttachmentRecord(id, kept, name, clock.instant(), caller.name(),
                    support);
            em.persist(attachment);
            em.persist(new AttachmentContentRecord(attachment.id(), sealing.seal(kept.bytes(),
                    attachment.sealingContext())));
            audit.record(em, caller, "support-ticket.attach", "support-ticket:" + id, null, "success",
                    "attachment:" + attachment.id() + " " + kept.mediaType() + " " + kept.bytes().length + " bytes");
            return attachment.view();
        });
    }

    @Override
    public TicketAttachment.Content attachment(Caller caller, String id, String attachmentId) {
        policy.require(caller, Operation.READ, find(id).scope());
        TicketAttachment.Content content = jpa.txExpr(TransactionType.Required, em -> {
            AttachmentRecord attachment = attachmentId == null || attachmentId.length() > 36 ? null
                    : em.find(AttachmentRecord.class, attachmentId);
            if (attachment == null || !attachment.ticketId().equals(id)) {
                throw new NotFoundException("The ticket has no attachment " + attachmentId + ".");
            }
            byte[] sealed = em.find(AttachmentContentRecord.class, attachmentId).bytes();
            return new TicketAttachment.Content(attachment.view(), sealing.open(sealed,
                    attachment.sealingContext()));
        });
        audit.record(caller, "support-ticket.read-attachment", "support-ticket:" + id, null, "success",
                "attachment:" + attachmentId);
        return content;
    }

    @Override
    public int escalate(Caller caller) {
        policy.require(caller, Operation.RUN, Scope.platform(RecordKind.SUPPORT_TICKET, null));
        return escalateDue(caller);
    }

    /** The escalation, for the job or a caller the policy let run it; each row audited as theirs. */
    private int escalateDue(Caller caller) {
        Instant now = clock.instant();
        return jpa.txExpr(TransactionType.Required, em -> {
            int escalated = 0;
            for (TicketRecord ticket : em.createQuery(UNRESOLVED, TicketRecord.class)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList()) {
                Ticket.Deadline missed = ticket.unescalated(now);
                if (missed != null) {
                    ticket.escalated(missed, now);
                    audit.record(em, caller, "support-ticket.escalate", "support-ticket:" + ticket.id(), null,
                            "success", missed.name());
                    LOG.warn("Support ticket {} is past its {} deadline: escalated", ticket.id(), missed);
                    escalated++;
                }
            }
            return escalated;
        });
    }

    @Override
    public SlaReport report(Caller caller, YearMonth month) {
        policy.require(caller, Operation.READ, Scope.platform(RecordKind.SUPPORT_TICKET, "report-" + month));
        long from = month.atDay(1).atStartOfDay(TicketRules.CHINA).toInstant().toEpochMilli();
        long to = month.plusMonths(1).atDay(1).atStartOfDay(TicketRules.CHINA).toInstant().toEpochMilli();
        Instant now = clock.instant();
        // the ticket rows alone: the report needs no conversation
        List<Ticket> opened = jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "SELECT t FROM TicketRecord t WHERE t.openedAt >= :from AND t.openedAt < :to", TicketRecord.class)
                .setParameter("from", from).setParameter("to", to).getResultStream()
                .map(ticket -> ticket.view(List.of(), List.of(), now)).toList());
        List<Double> response = opened.stream().filter(t -> t.respondedAt() != null).map(t -> Duration.between(
                t.openedAt(), t.respondedAt()).toSeconds() / 60.0).toList();
        List<Double> resolution = opened.stream().filter(t -> t.resolvedAt() != null).map(t -> Duration.between(
                t.openedAt(), t.resolvedAt()).toSeconds() / 3600.0).toList();
        return new SlaReport(month, opened.size(), response.size(), median(response), resolution.size(),
                median(resolution), opened.stream().filter(Ticket::responseBreached).count(),
                opened.stream().filter(Ticket::resolutionBreached).count(),
                opened.stream().filter(t -> t.resolvedAt() == null).count());
    }

    private static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        double median = sorted.size() % 2 == 1 ? sorted.get(middle)
                : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
        return Math.round(median * 10) / 10.0;
    }

    private TicketRecord find(String id) {
        TicketRecord ticket = id == null || id.length() > 36 ? null
                : jpa.txExpr(TransactionType.Required, em -> em.find(TicketRecord.class, id));
        if (ticket == null) {
            throw new NotFoundException("There is no support ticket " + id + ".");
        }
        return ticket;
    }

    private Ticket view(EntityManager em, TicketRecord ticket) {
        return views(em, List.of(ticket)).get(0);
    }

    private List<Ticket> views(EntityManager em, List<TicketRecord> tickets) {
        if (tickets.isEmpty()) {
            return List.of();
        }
        List<String> ids = tickets.stream().map(TicketRecord::id).toList();
        Map<String, List<Ticket.Message>> messages = em.createNamedQuery(MessageRecord.OF_TICKETS,
                MessageRecord.class).setParameter("tickets", ids).getResultStream().collect(Collectors.groupingBy(
                        MessageRecord::ticketId, Collectors.mapping(MessageRecord::view, Collectors.toList())));
        Map<String, List<TicketAttachment>> attachments = em.createNamedQuery(AttachmentRecord.OF_TICKETS,
                AttachmentRecord.class).setParameter("tickets", ids).getResultStream().collect(Collectors.groupingBy(
                        AttachmentRecord::ticketId, Collectors.mapping(AttachmentRecord::view, Collectors.toList())));
        Instant now = clock.instant();
        return tickets.stream().map(ticket -> ticket.view(messages.getOrDefault(ticket.id(), List.of()),
                attachments.getOrDefault(ticket.id(), List.of()), now)).toList();
    }
}
