package cn.anxun.face.internal;

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
class TemplateRecord {

    static final String DELETE_OF = "TemplateRecord.deleteOf";

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

    protected TemplateRecord() {
    }

    TemplateRecord(String learnerId, String photoDigest, String model, String sealed) {
        this.learnerId = learnerId;
        this.photoDigest = photoDigest;
        this.model = model;
        this.sealed = sealed;
    }

    boolean of(String digest, String currentModel) {
        return photoDigest.equals(digest) && model.equals(currentModel);
    }

    void replace(String digest, String currentModel, String newSealed) {
        photoDigest = digest;
        model = currentModel;
        sealed = newSealed;
    }

    String sealed() {
        return sealed;
    }
}
