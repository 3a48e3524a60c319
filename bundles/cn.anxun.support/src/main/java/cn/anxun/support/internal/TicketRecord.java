package cn.anxun.support.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import cn.anxun.identity.RecordKind;
import cn.anxun.identity.Scope;
import cn.anxun.support.Ticket;
import cn.anxun.support.TicketAttachment;

/** A ticket as it stands now; its conversation is {@link MessageRecord}s. */
@Entity
@Table(name = "SUPPORT_TICKET")
class TicketRecord {

    @Id
    @Column(length = 36)
    private String id;

    @Column(length = 36, nullable = false)
    private String openedBy;

    @Column(length = 30, nullable = false)
    private String openerRole;

    @Column(length = 100, nullable = false)
    private String subject;

    @Column(length = 10, nullable = false)
    private String status;

    private long openedAt;

    private long responseDue;

    private Long respondedAt;

    private long resolutionDue;

    private Long resolvedAt;

    @Column(length = 10)
    private String escalation;

    private Long escalatedAt;

    /** How many messages it has. */
    private int messages;

    protected TicketRecord() {
    }

    TicketRecord(String openedBy, String openerRole, String subject, Instant now, Instant responseDue,
            Instant resolutionDue) {
        this.id = UUID.randomUUID().toString();
        this.openedBy = openedBy;
        this.openerRole = openerRole;
        this.subject = subject;
        this.status = Ticket.Status.OPEN.name();
        this.openedAt = now.toEpochMilli();
        this.responseDue = responseDue.toEpochMilli();
        this.resolutionDue = resolutionDue.toEpochMilli();
    }

    String id() {
        return id;
    }

    long openedAt() {
        return openedAt;
    }

    Ticket.Status status() {
        return Ticket.Status.valueOf(status);
    }

    /** The next message's place in the conversation, counted. */
    int nextMessage() {
        return messages++;
    }

    /** A message of the support staff: the first is the first answer; a resolving one resolves, once. */
    void answered(Instant at, boolean resolving) {
        if (respondedAt == null) {
            respondedAt = at.toEpochMilli();
        }
        if (resolving && resolvedAt == null) {
            resolvedAt = at.toEpochMilli();
        }
        status = (resolving ? Ticket.Status.RESOLVED : Ticket.Status.WAITING).name();
    }

    /** A message of the opener: the ticket waits for the support staff again. */
    void reopened() {
        status = Ticket.Status.OPEN.name();
    }

    /** The deadline that has passed unmet and it was not escalated for yet, if any. */
    Ticket.Deadline unescalated(Instant now) {
        Ticket.Deadline passed = resolvedAt == null && now.toEpochMilli() > resolutionDue ? Ticket.Deadline.RESOLUTION
                : respondedAt == null && now.toEpochMilli() > responseDue ? Ticket.Deadline.RESPONSE : null;
        return passed == null || passed.name().equals(escalation) ? null : passed;
    }

    void escalated(Ticket.Deadline deadline, Instant at) {
        this.escalation = deadline.name();
        this.escalatedAt = at.toEpochMilli();
    }

    Scope scope() {
        return new Scope(RecordKind.SUPPORT_TICKET, "support-ticket:" + id, Set.of(openedBy), Set.of(), Set.of(),
                false);
    }

    Ticket view(List<Ticket.Message> conversation, List<TicketAttachment> attachments, Instant now) {
        long at = now.toEpochMilli();
        return new Ticket(id, openedBy, openerRole, subject, status(), Instant.ofEpochMilli(openedAt),
                Instant.ofEpochMilli(responseDue), instant(respondedAt), Instant.ofEpochMilli(resolutionDue),
                instant(resolvedAt), late(respondedAt, responseDue, at), late(resolvedAt, resolutionDue, at),
                escalation == null ? null : Ticket.Deadline.valueOf(escalation), instant(escalatedAt), conversation,
                attachments);
    }

    /** Met after the deadline, or unmet past it. */
    static boolean late(Long metAt, long due, long now) {
        return metAt == null ? now > due : metAt > due;
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
