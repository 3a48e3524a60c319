package cn.anxun.support.internal;

import java.time.Instant;
import java.util.UUID;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

import cn.anxun.support.Ticket;

/** One message of a ticket's conversation; appended, never changed. */
@Entity
@Table(name = "SUPPORT_MESSAGE")
@NamedQuery(name = MessageRecord.OF_TICKETS, query = "SELECT m FROM MessageRecord m "
        + "WHERE m.ticketId IN :tickets ORDER BY m.ticketId, m.sequence")
class MessageRecord {

    static final String OF_TICKETS = "MessageRecord.ofTickets";

    @Id
    @Column(length = 36)
    private String id;

    @Column(length = 36, nullable = false)
    private String ticketId;

    /** The message's place in its ticket's conversation, from 0. */
    private int sequence;

    private long writtenAt;

    @Column(length = 100, nullable = false)
    private String author;

    @Column(length = 30, nullable = false)
    private String authorRole;

    /** {@code SUPPORT} or {@code OPENER}: who wrote it. */
    @Column(length = 10, nullable = false)
    private String side;

    @Column(length = TicketRules.MAX_TEXT, nullable = false)
    private String text;

    protected MessageRecord() {
    }

    MessageRecord(TicketRecord ticket, Instant at, String author, String authorRole, boolean support, String text) {
        this.id = UUID.randomUUID().toString();
        this.ticketId = ticket.id();
        this.sequence = ticket.nextMessage();
        this.writtenAt = at.toEpochMilli();
        this.author = author;
        this.authorRole = authorRole;
        this.side = support ? "SUPPORT" : "OPENER";
        this.text = text;
    }

    String ticketId() {
        return ticketId;
    }

    Ticket.Message view() {
        return new Ticket.Message(Instant.ofEpochMilli(writtenAt), author, authorRole, "SUPPORT".equals(side), text);
    }
}
