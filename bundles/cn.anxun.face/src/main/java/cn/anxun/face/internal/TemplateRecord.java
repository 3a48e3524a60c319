package cn.anxun.face.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

/**
 * The sealed template of a learner's reference photo under one provider's model, kept so that a check does not read
 * the photo again; made again when the photo or the model changes.
 */
@Entity
@Table(name = "FACE_TEMPLATE")
@NamedQuery(name = TemplateRecord.DELETE_OF, query = "DELETE FROM TemplateRecord t WHERE t.learnerId = :learner")
@NamedQuery(name = TemplateRecord.OF_MODEL, query = "SELECT t FROM TemplateRecord t WHERE t.model = :model")
@NamedQuery(name = TemplateRecord.MODELS_MADE, query = "SELECT DISTINCT t.model FROM TemplateRecord t "
        + "WHERE t.madeAt >= :from AND t.madeAt < :until")
class TemplateRecord {

    static final String DELETE_OF = "TemplateRecord.deleteOf";
    static final String OF_MODEL = "TemplateRecord.ofModel";
    static final String MODELS_MADE = "TemplateRecord.modelsMade";

    @Id
    @Column(length = 36)
    private String learnerId;

    @Column(length = 64, nullable = false)
    private String photoDigest;

    @Column(length = 64, nullable = false)
    private String model;

    /** Base64 of the sealed vector. */
    @Column(length = 4000, nullable = false)
    private String sealed;

    /** When it was made; 0 for a template made before the time was kept. */
    private long madeAt;

    protected TemplateRecord() {
    }

    TemplateRecord(String learnerId, String photoDigest, String model, String sealed, Instant now) {
        this.learnerId = learnerId;
        replace(photoDigest, model, sealed, now);
    }

    boolean of(String digest, String currentModel) {
        return photoDigest.equals(digest) && model.equals(currentModel);
    }

    void replace(String digest, String currentModel, String newSealed, Instant now) {
        photoDigest = digest;
        model = currentModel;
        sealed = newSealed;
        madeAt = now.toEpochMilli();
    }

    String learnerId() {
        return learnerId;
    }

    String model() {
        return model;
    }

    String sealed() {
        return sealed;
    }

    /** Whether it was made in the period, {@code until} exclusive. */
    boolean madeIn(Instant from, Instant until) {
        return madeAt >= from.toEpochMilli() && madeAt < until.toEpochMilli();
    }
}
