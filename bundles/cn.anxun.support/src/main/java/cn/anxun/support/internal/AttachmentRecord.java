package cn.anxun.support.internal;

import java.time.Instant;
import java.util.UUID;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

import cn.anxun.support.TicketAttachment;

/** What is known of a file attached to a ticket; its bytes, sealed, in {@code SUPPORT_ATTACHMENT_CONTENT}. */
@Entity
@Table(name = "SUPPORT_ATTACHMENT")
@NamedQuery(name = AttachmentRecord.OF_TICKETS, query = "SELECT a FROM AttachmentRecord a "
        + "WHERE a.ticketId IN :tickets ORDER BY a.ticketId, a.addedAt, a.id")
@NamedQuery(name = AttachmentRecord.COUNT, query = "SELECT COUNT(a) FROM AttachmentRecord a "
        + "WHERE a.ticketId = :ticket")
class AttachmentRecord {

    static final String OF_TICKETS = "AttachmentRecord.ofTickets";
    static final String COUNT = "AttachmentRecord.count";

    @Id
    @Column(length = 36)
    private String id;

    @Column(length = 36, nullable = false)
    private String ticketId;

    @Column(length = 100, nullable = false)
    private String filename;

    @Column(length = 30, nullable = false)
    private String mediaType;

    private long size;

    @Column(length = 64, nullable = false)
    private String sha256;

    private long addedAt;

    @Column(length = 100, nullable = false)
    private String addedBy;

    /** {@code SUPPORT} or {@code OPENER}, as a message's. */
    @Column(length = 10, nullable = false)
    private String side;

    protected AttachmentRecord() {
    }

    AttachmentRecord(String ticketId, Attachments.Kept kept, String filename, Instant at, String addedBy,
            boolean support) {
        this.id = UUID.randomUUID().toString();
        this.ticketId = ticketId;
        this.filename = filename;
        this.mediaType = kept.mediaType();
        this.size = kept.bytes().length;
        this.sha256 = kept.sha256();
        this.addedAt = at.toEpochMilli();
        this.addedBy = addedBy;
        this.side = support ? "SUPPORT" : "OPENER";
    }

    String id() {
        return id;
    }

    String ticketId() {
        return ticketId;
    }

    /** What sealed bytes of the attachment open with: no other record's bytes do. */
    String sealingContext() {
        return "support-attachment:" + ticketId + "/" + id;
    }

    TicketAttachment view() {
        return new TicketAttachment(id, filename, mediaType, size, sha256, Instant.ofEpochMilli(addedAt), addedBy,
                "SUPPORT".equals(side));
    }
}
