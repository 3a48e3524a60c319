package cn.anxun.media.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

/** An upload; its bytes so far are the part file of the same id. */
@Entity
@Table(name = "MEDIA_UPLOAD")
@NamedQuery(name = UploadRecord.EXPIRED, query = "SELECT u FROM UploadRecord u WHERE u.mediaId IS NULL "
        + "AND u.expiresAt < :now")
public class UploadRecord {

    static final String EXPIRED = "UploadRecord.expired";

    @Id
    @Column(length = 36)
    private String id;
    @Column(name = "INSTITUTION", length = 36, nullable = false)
    private String institutionId;
    @Column(length = 96, nullable = false)
    private String filename;
    @Column(name = "SIZE_BYTES", nullable = false)
    private long size;
    @Column(name = "STARTED_BY", length = 64, nullable = false)
    private String startedBy;
    @Column(name = "EXPIRES_AT", nullable = false)
    private long expiresAt;
    @Column(name = "MEDIA", length = 36)
    private String mediaId;

    protected UploadRecord() {
    }

    UploadRecord(String id, String institutionId, String filename, long size, String startedBy, Instant expiresAt) {
        this.id = id;
        this.institutionId = institutionId;
        this.filename = filename;
        this.size = size;
        this.startedBy = startedBy;
        this.expiresAt = expiresAt.toEpochMilli();
    }

    String id() {
        return id;
    }

    String institutionId() {
        return institutionId;
    }

    String filename() {
        return filename;
    }

    long size() {
        return size;
    }

    String mediaId() {
        return mediaId;
    }

    Instant expiresAt() {
        return Instant.ofEpochMilli(expiresAt);
    }

    void expiresAt(java.time.Instant at) {
        expiresAt = at.toEpochMilli();
    }

    void completed(String media) {
        this.mediaId = media;
    }
}
