package cn.anxun.face.internal;

import java.time.Instant;
import java.util.UUID;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

import cn.anxun.api.face.FaceComparison;
import cn.anxun.api.face.FaceReason;
import cn.anxun.face.FaceCheck;

/** A face check as it was answered; never changed. */
@Entity
@Table(name = "FACE_CHECK")
@NamedQuery(name = FaceCheckRecord.SEEN, query = "SELECT COUNT(c) FROM FaceCheckRecord c "
        + "WHERE c.learnerId = :learner AND c.captureDigest = :digest")
@NamedQuery(name = FaceCheckRecord.OF_LEARNER, query = "SELECT c FROM FaceCheckRecord c "
        + "WHERE c.learnerId = :learner ORDER BY c.checkedAt DESC, c.id")
@NamedQuery(name = FaceCheckRecord.FORGET_CAPTURES, query = "UPDATE FaceCheckRecord c SET c.captureDigest = NULL "
        + "WHERE c.learnerId = :learner")
class FaceCheckRecord {

    static final String FORGET_CAPTURES = "FaceCheckRecord.forgetCaptures";
    static final String OF_LEARNER = "FaceCheckRecord.ofLearner";
    static final String SEEN = "FaceCheckRecord.seen";

    @Id
    @Column(length = 36)
    private String id;

    @Column(length = 36, nullable = false)
    private String learnerId;

    private long checkedAt;

    @Column(length = 20, nullable = false)
    private String purpose;

    @Column(length = 64)
    private String provider;

    private Double score;

    private Double threshold;

    @Column(length = 10, nullable = false)
    private String decision;

    @Column(length = 30)
    private String reason;

    private long captureKeptUntil;

    /** SHA-256 of the capture, in hex. */
    @Column(length = 64)
    private String captureDigest;

    protected FaceCheckRecord() {
    }

    FaceCheckRecord(String learnerId, FaceCheck.Purpose purpose, ProviderChoice.Compared compared, Instant now,
            Instant keptUntil, String captureDigest) {
        this.captureDigest = captureDigest;
        this.id = UUID.randomUUID().toString();
        this.learnerId = learnerId;
        this.checkedAt = now.toEpochMilli();
        this.purpose = purpose.name();
        this.provider = compared.provider();
        this.score = Double.isNaN(compared.comparison().score()) ? null : compared.comparison().score();
        this.threshold = Double.isNaN(compared.threshold()) ? null : compared.threshold();
        this.decision = compared.comparison().decision().name();
        this.reason = compared.comparison().reason() == null ? null : compared.comparison().reason().name();
        this.captureKeptUntil = keptUntil.toEpochMilli();
    }

    String id() {
        return id;
    }

    String learnerId() {
        return learnerId;
    }

    FaceCheck view() {
        return new FaceCheck(id, learnerId, Instant.ofEpochMilli(checkedAt), FaceCheck.Purpose.valueOf(purpose),
                provider, score, threshold, FaceComparison.Decision.valueOf(decision),
                reason == null ? null : FaceReason.valueOf(reason), Instant.ofEpochMilli(captureKeptUntil));
    }
}
