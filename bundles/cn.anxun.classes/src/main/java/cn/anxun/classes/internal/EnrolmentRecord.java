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
import cn.anxun.classes.TrainingClass;
import cn.anxun.feed.FedRecord;
import cn.anxun.feed.FeedEnrolment;

/** A learner enrolled in a class. */
@Entity
@Table(name = "CLASS_LEARNER")
@IdClass(EnrolmentRecord.Key.class)
@NamedQuery(name = EnrolmentRecord.OF_CLASS, query = "SELECT e.learnerId FROM EnrolmentRecord e "
        + "WHERE e.classId = :class ORDER BY e.enrolledAt, e.learnerId")
@NamedQuery(name = EnrolmentRecord.OF_CLASS_IN_REGION, query = "SELECT e.learnerId FROM EnrolmentRecord e "
        + "WHERE e.classId = :class AND e.region LIKE :region ORDER BY e.enrolledAt, e.learnerId")
@NamedQuery(name = EnrolmentRecord.RECORDS_OF_CLASS, query = "SELECT e FROM EnrolmentRecord e "
        + "WHERE e.classId = :class ORDER BY e.enrolledAt, e.learnerId")
@NamedQuery(name = EnrolmentRecord.RECORDS_OF_LEARNER, query = "SELECT e FROM EnrolmentRecord e "
        + "WHERE e.learnerId = :learner ORDER BY e.enrolledAt, e.classId")
class EnrolmentRecord extends FedRecord {

    static final String OF_CLASS = "EnrolmentRecord.ofClass";
    static final String OF_CLASS_IN_REGION = "EnrolmentRecord.ofClassInRegion";
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

    // what supervision filters by, fixed at enrolment: the class's institution, programme, city and dates

    @Column(length = 64, nullable = false)
    private String institutionId;

    @Column(length = 64, nullable = false)
    private String programmeCode;

    @Column(length = 6, nullable = false)
    private String city;

    @Column(length = 10, nullable = false)
    private String startsOn;

    @Column(length = 10, nullable = false)
    private String endsOn;

    @Column(length = 6, nullable = false)
    private String region;

    // how far it has got: written by JDBC in other units' transactions (ProgressRows), read only by projections

    private long requiredSeconds;
    private long creditedSeconds;
    private Long lastCreditedAt;
    private Long completedAt;
    private Long weekOf;
    private long weekSeconds;
    private Integer monthOf;
    private long monthSeconds;
    private int attempts;

    @Column(length = 6)
    private String testResult;

    private Integer bestScore;
    private Long passedAt;

    @Column(length = 64)
    private String certificate;

    /** {@code VALID} or {@code REVOKED}: a text, as Derby's booleans do not compare with EclipseLink's literals. */
    @Column(length = 8)
    private String certificateStatus;

    protected EnrolmentRecord() {
    }

    /**
     * A learner of {@code region} (their county, else city) enrolled in a class, whose online part is complete at
     * {@code requiredSeconds} of credit.
     */
    EnrolmentRecord(TrainingClass found, String learnerId, String region, long requiredSeconds, Instant now,
            String enrolledBy) {
        this.classId = found.id();
        this.learnerId = learnerId;
        this.institutionId = found.institutionId();
        this.programmeCode = found.programmeCode();
        this.city = found.city();
        this.startsOn = found.startsOn().toString();
        this.endsOn = found.endsOn().toString();
        this.region = region;
        this.requiredSeconds = requiredSeconds;
        this.enrolledAt = now.toEpochMilli();
        this.enrolledBy = enrolledBy;
    }

    String classId() {
        return classId;
    }

    String region() {
        return region;
    }

    FeedEnrolment feedItem() {
        return new FeedEnrolment(classId, learnerId, institutionId, programmeCode, city, region,
                Instant.ofEpochMilli(enrolledAt), requiredSeconds, creditedSeconds, instant(completedAt), attempts,
                testResult, bestScore, instant(passedAt), certificate, certificateStatus);
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    Enrolment view() {
        return new Enrolment(classId, learnerId, Instant.ofEpochMilli(enrolledAt), enrolledBy);
    }
}
