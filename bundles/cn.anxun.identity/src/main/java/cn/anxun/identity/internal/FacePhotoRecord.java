package cn.anxun.identity.internal;

import java.time.Instant;
import java.util.UUID;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

/** A learner's reference face photo, sealed (AES-GCM, bound to the photo id). */
@Entity
@Table(name = "FACE_PHOTO")
@NamedQuery(name = FacePhotoRecord.REFERENCE, query = "SELECT f FROM FacePhotoRecord f "
        + "WHERE f.accountId = :account AND f.purpose = 'reference' ORDER BY f.createdAt DESC")
@NamedQuery(name = FacePhotoRecord.DELETE_OF, query = "DELETE FROM FacePhotoRecord f WHERE f.accountId = :account")
class FacePhotoRecord {

    static final String REFERENCE = "FacePhotoRecord.reference";
    static final String DELETE_OF = "FacePhotoRecord.deleteOf";

    @Id
    @Column(length = 36)
    private String id;

    @Column(length = 36, nullable = false)
    private String accountId;

    @Column(length = 20, nullable = false)
    private String purpose;

    @Column(length = 20, nullable = false)
    private String mediaType;

    @Lob
    @Column(nullable = false)
    private byte[] sealed;

    private long createdAt;

    protected FacePhotoRecord() {
    }

    FacePhotoRecord(String accountId, String mediaType, Instant createdAt) {
        this.id = UUID.randomUUID().toString();
        this.accountId = accountId;
        this.purpose = "reference";
        this.mediaType = mediaType;
        this.createdAt = createdAt.toEpochMilli();
    }

    String id() {
        return id;
    }

    String mediaType() {
        return mediaType;
    }

    byte[] sealed() {
        return sealed;
    }

    void sealed(byte[] bytes) {
        sealed = bytes;
    }
}
