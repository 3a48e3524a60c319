package cn.anxun.support;

import java.time.Instant;

/**
 * A file attached to a ticket: a picture, drawn again without its metadata, or a PDF whose text holds no contact
 * details.
 *
 * @param size bytes as kept
 * @param sha256 of the bytes as kept
 * @param support attached by the support staff
 * @since 2.0
 */
public record TicketAttachment(String id, String filename, String mediaType, long size, String sha256,
        Instant addedAt, String addedBy, boolean support) {

    /** An attachment with its bytes. */
    public record Content(TicketAttachment attachment, byte[] bytes) {
    }
}
