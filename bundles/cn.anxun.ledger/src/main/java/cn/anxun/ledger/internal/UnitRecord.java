package cn.anxun.ledger.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** How far a learner has watched a unit in a class: seeking beyond it earns nothing. */
@Entity
@Table(name = "STUDY_UNIT")
class UnitRecord {

    @Id
    @Column(length = 120)
    private String id;

    private long furthestMs;

    protected UnitRecord() {
    }

    UnitRecord(String id) {
        this.id = id;
    }

    static String id(String learnerId, String classId, String courseId, int unit) {
        return learnerId + "/" + classId + "/" + courseId + "/" + unit;
    }

    long furthestMs() {
        return furthestMs;
    }

    void reached(long ms) {
        furthestMs = Math.max(furthestMs, ms);
    }
}
