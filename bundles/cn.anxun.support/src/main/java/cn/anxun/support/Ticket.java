package cn.anxun.support;

import java.time.Instant;
import java.util.List;

/**
 * A support ticket and its deadlines: the first answer of the support staff within two hours of opening,
 * around the clock; resolution by the end of the third working day after the day of opening, China time.
 *
 * @param openedBy the account that opened it, which alone besides the support staff reads it
 * @param responseBreached the first answer came after its deadline, or has not come and the deadline passed
 * @param resolutionBreached likewise for the resolution
 * @param escalation the last deadline it was escalated for, {@code null} before
 * @param attachments in the order they were attached (since 2.0)
 */
public record Ticket(String id, String openedBy, String openerRole, String subject, Status status, Instant openedAt,
        Instant responseDue, Instant respondedAt, Instant resolutionDue, Instant resolvedAt, boolean responseBreached,
        boolean resolutionBreached, Deadline escalation, Instant escalatedAt, List<Message> messages,
        List<TicketAttachment> attachments) {

    public enum Status {
        /** Waiting for the support staff. */
        OPEN,
        /** Answered; waiting for the one who opened it. */
        WAITING,
        /** Resolved by the support staff; a reply of the opener opens it again. */
        RESOLVED
    }

    /** The deadlines a ticket is held to. */
    public enum Deadline {
        RESPONSE, RESOLUTION
    }

    /**
     * One message of the conversation.
     *
     * @param support written by the support staff
     */
    public record Message(Instant at, String author, String authorRole, boolean support, String text) {
    }
}
