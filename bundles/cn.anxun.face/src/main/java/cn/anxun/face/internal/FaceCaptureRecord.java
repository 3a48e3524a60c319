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
@NamedQuery(name = FaceCaptureRecord.LATEST_TEMPLATES, query = "SELECT c FROM FaceCaptureRecord c, FaceCheckRecord k "
        + "WHERE k.id = c.checkId AND k.learnerId = :learner AND c.model = :model ORDER BY k.checkedAt DESC")
@NamedQuery(name = FaceCaptureRecord.DELETE_OF, query = "DELETE FROM FaceCaptureRecord c WHERE c.checkId IN "
        + "(SELECT k.id FROM FaceCheckRecord k WHERE k.learnerId = :learner)")
class FaceCaptureRecord {

    static final String DELETE_OF = "FaceCaptureRecord.deleteOf";
    static final String EXPIRED = "FaceCaptureRecord.expired";
    static final String LATEST_TEMPLATES = "FaceCaptureRecord.latestTemplates";

    @Id
    @Column(length = 36)
    private String checkId;

    @Column(length = 20, nullable = false)
    private String mediaType;

    @Lob
    @Column(nullable = false)
    private byte[] sealed;

    private long keptUntil;

    /** The model of the capture's template, when the provider compared templates. */
    @Column(length = 64)
    private String model;

    /** Base64 of the sealed template, kept as long as the capture to tell a replay. */
    @Column(length = 4000)
    private String template;

    protected FaceCaptureRecord() {
    }

    FaceCaptureRecord(String checkId, String mediaType, byte[] sealed, Instant keptUntil, String model,
            String template) {
        this.model = model;
        this.template = template;
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

    String checkId() {
        return checkId;
    }

    String model() {
        return model;
    }

    String template() {
        return template;
    }
}
