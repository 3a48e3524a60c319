package cn.anxun.support;

/**
 * A ticket to open.
 *
 * @param subject at most 100 characters
 * @param text the question, at most 2000 characters; neither may carry contact details
 */
public record TicketDraft(String subject, String text) {
}
