package cn.anxun.classes.internal;

import java.io.Serializable;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

import cn.anxun.classes.Enrolment;

/** A learner enrolled in a class. */
@Entity
@Table(name = "CLASS_LEARNER")
@IdClass(EnrolmentRecord.Key.class)
@NamedQuery(name = EnrolmentRecord.OF_CLASS, query = "SELECT e.learnerId FROM EnrolmentRecord e "
        + "WHERE e.classId = :class ORDER BY e.enrolledAt, e.learnerId")
@NamedQuery(name = EnrolmentRecord.RECORDS_OF_CLASS, query = "SELECT e FROM EnrolmentRecord e "
        + "WHERE e.classId = :class ORDER BY e.enrolledAt, e.learnerId")
@NamedQuery(name = EnrolmentRecord.RECORDS_OF_LEARNER, query = "SELECT e FROM EnrolmentRecord e "
        + "WHERE e.learnerId = :learner ORDER BY e.enrolledAt, e.classId")
class EnrolmentRecord {

    static final String OF_CLASS = "EnrolmentRecord.ofClass";
    static final String RECORDS_OF_CLASS = "EnrolmentRecord.recordsOfClass";
    static final String RECORDS_OF_LEARNER = "EnrolmentRecord.recordsOfLearner";

    /** The primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        public String classId;
        public String learnerId;

        public Key() {
        }

        Key(String classId, String learnerId) {
            this.classId = classId;
            this.learnerId = learnerId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && classId.equals(key.classId) && learnerId.equals(key.learnerId);
        }

        @Override
        public int hashCode() {
            return classId.hashCode() * 31 + learnerId.hashCode();
        }
    }

    @Id
    @Column(length = 36)
    private String classId;

    @Id
    @Column(length = 36)
    private String learnerId;

    private long enrolledAt;

    @Column(length = 64, nullable = false)
    private String enrolledBy;

    protected EnrolmentRecord() {
    }

    EnrolmentRecord(String classId, String learnerId, Instant now, String enrolledBy) {
        this.classId = classId;
        this.learnerId = learnerId;
        this.enrolledAt = now.toEpochMilli();
        this.enrolledBy = enrolledBy;
    }

    String classId() {
        return classId;
    }

    Enrolment view() {
        return new Enrolment(classId, learnerId, Instant.ofEpochMilli(enrolledAt), enrolledBy);
    }
}
