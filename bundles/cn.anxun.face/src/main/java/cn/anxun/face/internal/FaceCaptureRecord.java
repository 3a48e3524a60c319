package cn.anxun.face.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

/** The sealed capture of a face check, deleted when its retention period ends. */
@Entity
@Table(name = "FACE_CAPTURE")
@NamedQuery(name = FaceCaptureRecord.EXPIRED, query = "DELETE FROM FaceCaptureRecord c WHERE c.keptUntil < :now")
class FaceCaptureRecord {

    static final String EXPIRED = "FaceCaptureRecord.expired";

    @Id
    @Column(length = 36)
    private String checkId;

    @Column(length = 20, nullable = false)
    private String mediaType;

    @Lob
    @Column(nullable = false)
    private byte[] sealed;

    private long keptUntil;

    protected FaceCaptureRecord() {
    }

    FaceCaptureRecord(String checkId, String mediaType, byte[] sealed, Instant keptUntil) {
        this.checkId = checkId;
        this.mediaType = mediaType;
        this.sealed = sealed;
        this.keptUntil = keptUntil.toEpochMilli();
    }

    String mediaType() {
        return mediaType;
    }

    byte[] sealed() {
        return sealed;
    }

    boolean expired(long now) {
        return keptUntil < now;
    }

    /** What the capture is sealed for: opened as another learner's or another check's, it fails. */
    static String context(String learnerId, String checkId) {
        return "face-capture:" + learnerId + ":" + checkId;
    }
}
