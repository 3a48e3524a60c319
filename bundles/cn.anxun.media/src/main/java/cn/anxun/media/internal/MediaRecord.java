package cn.anxun.media.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

import cn.anxun.media.Media;

/** A stored media file of an institution; the same bytes uploaded again by it are the same media. */
@Entity
@Table(name = "MEDIA", uniqueConstraints = @UniqueConstraint(columnNames = {"INSTITUTION", "SHA256"}))
@NamedQuery(name = MediaRecord.OF_INSTITUTION, query = "SELECT m FROM MediaRecord m "
        + "WHERE m.institutionId = :institution ORDER BY m.uploadedAt DESC, m.id")
@NamedQuery(name = MediaRecord.SAME_BYTES, query = "SELECT m FROM MediaRecord m "
        + "WHERE m.institutionId = :institution AND m.sha256 = :sha256")
@NamedQuery(name = MediaRecord.WITH_IDS, query = "SELECT m FROM MediaRecord m WHERE m.id IN :ids")
public class MediaRecord {

    static final String OF_INSTITUTION = "MediaRecord.ofInstitution";
    static final String SAME_BYTES = "MediaRecord.sameBytes";
    static final String WITH_IDS = "MediaRecord.withIds";

    @Id
    @Column(length = 36)
    private String id;
    @Column(name = "INSTITUTION", length = 36, nullable = false)
    private String institutionId;
    @Column(length = 96, nullable = false)
    private String filename;
    @Column(name = "MEDIA_TYPE", length = 127, nullable = false)
    private String mediaType;
    @Column(name = "SIZE_BYTES", nullable = false)
    private long size;
    @Column(name = "SHA256", length = 64, nullable = false)
    private String sha256;
    @Column(name = "UPLOADED_AT", nullable = false)
    private long uploadedAt;
    @Column(name = "UPLOADED_BY", length = 64, nullable = false)
    private String uploadedBy;

    protected MediaRecord() {
    }

    MediaRecord(String id, UploadRecord upload, String mediaType, String sha256, Instant uploadedAt,
            String uploadedBy) {
        this.id = id;
        this.institutionId = upload.institutionId();
        this.filename = upload.filename();
        this.mediaType = mediaType;
        this.size = upload.size();
        this.sha256 = sha256;
        this.uploadedAt = uploadedAt.toEpochMilli();
        this.uploadedBy = uploadedBy;
    }

    String id() {
        return id;
    }

    String mediaType() {
        return mediaType;
    }

    String sha256() {
        return sha256;
    }

    Media view() {
        return new Media(id, institutionId, filename, mediaType, size, sha256, Instant.ofEpochMilli(uploadedAt),
                uploadedBy);
    }
}
