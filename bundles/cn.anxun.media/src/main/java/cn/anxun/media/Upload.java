package cn.anxun.media;

import java.time.Instant;

/**
 * A file being uploaded in chunks. A client that lost its connection asks for the upload and goes on from
 * {@code received}.
 *
 * @param id the upload's id
 * @param institutionId the institution it is for
 * @param filename the file's name
 * @param size the bytes announced
 * @param received the bytes stored so far; chunks go on from here
 * @param chunkMaxBytes the most bytes one chunk may have
 * @param expiresAt when an unfinished upload is discarded
 * @param media the stored media once the last chunk has arrived, else {@code null}
 */
public record Upload(String id, String institutionId, String filename, long size, long received, long chunkMaxBytes,
        Instant expiresAt, Media media) {

    public boolean complete() {
        return media != null;
    }
}
