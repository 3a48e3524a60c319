package cn.anxun.institutions;

import java.time.Instant;

/**
 * A document an institution submitted, as checked on upload.
 *
 * @param sha256 hex digest of the stored bytes, so a copy can be compared with what was submitted
 * @param pages the number of pages of the PDF
 */
public record SubmittedDocument(String id, String institutionId, String filename, String mediaType, long size,
        String sha256, int pages, Instant uploadedAt, String uploadedBy) {

    /** The document with its bytes. */
    public record Content(SubmittedDocument document, byte[] bytes) {
    }
}
