package cn.anxun.media;

import java.time.Instant;

/**
 * A stored media file of one institution.
 *
 * @param id the media's id, which course units refer to
 * @param institutionId the institution that uploaded it
 * @param filename the name it was uploaded under, kept for people; the type does not come from it
 * @param mediaType the type read from the file's bytes, e.g. {@code video/mp4}
 * @param size bytes
 * @param sha256 the hex SHA-256 of the bytes; the file is stored, and served back, under it
 * @param uploadedAt when the last chunk arrived
 * @param uploadedBy the user name of who uploaded it
 */
public record Media(String id, String institutionId, String filename, String mediaType, long size, String sha256,
        Instant uploadedAt, String uploadedBy) {

    /** The broad kind of the type: {@code video}, {@code audio} or {@code image}. */
    public String kind() {
        return mediaType.substring(0, mediaType.indexOf('/'));
    }
}
