package cn.anxun.ledger.internal;

import java.util.UUID;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A study session refused because the learner had studied the day's cap: kept for the regulators' patterns. */
@Entity
@Table(name = "STUDY_CAP_REFUSAL")
class CapRefusalRecord {

    @Id
    @Column(length = 36)
    private String id;

    @Column(length = 36, nullable = false)
    private String learnerId;

    @Column(length = 36, nullable = false)
    private String classId;

    /** The day in China, as {@code STUDY_SESSION.DAY}. */
    @Column(length = 10, nullable = false)
    private String day;

    private long refusedAt;

    protected CapRefusalRecord() {
    }

    CapRefusalRecord(String learnerId, String classId, String day, long refusedAt) {
        this.id = UUID.randomUUID().toString();
        this.learnerId = learnerId;
        this.classId = classId;
        this.day = day;
        this.refusedAt = refusedAt;
    }
}
