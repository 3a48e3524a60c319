package cn.anxun.support;

import java.io.InputStream;
import java.time.YearMonth;

import cn.anxun.identity.Caller;

/** Support tickets: opened by any account but the support staff's, answered and resolved by the support staff. */
public interface Tickets {

    /** @throws cn.anxun.identity.InvalidInputException naming the field and the rule */
    Ticket open(Caller caller, TicketDraft draft);

    Ticket get(Caller caller, String id);

    /**
     * The tickets the caller may read, newest first: the support staff every one, others their own.
     *
     * @param overdue only those unresolved past a deadline
     */
    TicketList list(Caller caller, Ticket.Status status, boolean overdue, String after, int limit);

    /** A message: the support staff's answers the ticket, the opener's opens it again. */
    Ticket reply(Caller caller, String id, String text);

    /** The support staff's last message, resolving the ticket. */
    Ticket resolve(Caller caller, String id, String text);

    /**
     * Attaches a file, for the opener or the support staff: a PNG or JPEG picture, kept drawn again without its
     * metadata, or a PDF whose text holds no contact details; at most 5 MiB, ten a ticket. Audited.
     *
     * @param filename the file's name, screened like the text; {@code attachment} if absent
     * @throws cn.anxun.identity.InvalidInputException naming {@code attachment} or {@code filename} and the rule
     * @throws cn.anxun.identity.ConflictException once the ticket has ten
     * @since 2.0
     */
    TicketAttachment attach(Caller caller, String ticketId, String filename, InputStream content);

    /**
     * An attachment as kept, for those who read the ticket. Audited.
     *
     * @since 2.0
     */
    TicketAttachment.Content attachment(Caller caller, String ticketId, String attachmentId);

    /**
     * Escalates every unresolved ticket past a deadline it was not escalated for yet, as the job does every few
     * minutes; for the support staff. Answers how many it escalated.
     */
    int escalate(Caller caller);

    /** For the support staff. */
    SlaReport report(Caller caller, YearMonth month);
}
