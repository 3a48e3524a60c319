package cn.anxun.archive.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

import cn.anxun.archive.Certificate.Status;
import cn.anxun.archive.Certificate;
import cn.anxun.feed.FedRecord;
import cn.anxun.feed.FeedCertificate;

/** A certificate in {@code CERTIFICATE}: what it states, fixed at issue, and what happened to it since. */
@Entity
@Table(name = "CERTIFICATE")
@NamedQuery(name = CertificateRecord.BY_NUMBER, query = "SELECT c FROM CertificateRecord c WHERE c.number = :number")
@NamedQuery(name = CertificateRecord.CURRENT, query = "SELECT c FROM CertificateRecord c WHERE c.currentOf = :key")
@NamedQuery(name = CertificateRecord.OF_LEARNER, query = "SELECT c FROM CertificateRecord c "
        + "WHERE c.learnerId = :learner ORDER BY c.issuedAt DESC, c.id")
@NamedQuery(name = CertificateRecord.OF_CLASS, query = "SELECT c FROM CertificateRecord c "
        + "WHERE c.classId = :class ORDER BY c.issuedAt, c.id")
@NamedQuery(name = CertificateRecord.LATEST, query = "SELECT c FROM CertificateRecord c "
        + "WHERE c.learnerId = :learner AND c.classId = :class ORDER BY c.issuedAt DESC, c.id")
@NamedQuery(name = CertificateRecord.ANONYMISE, query = "UPDATE CertificateRecord c SET c.maskedName = :name, "
        + "c.idNumber = '' WHERE c.learnerId = :learner")
@NamedQuery(name = CertificateRecord.LOOKED_UP, query = "UPDATE CertificateRecord c SET c.lookups = c.lookups + 1 "
        + "WHERE c.number = :number")
class CertificateRecord extends FedRecord {

    static final String BY_NUMBER = "CertificateRecord.byNumber";
    static final String CURRENT = "CertificateRecord.current";
    static final String OF_LEARNER = "CertificateRecord.ofLearner";
    static final String ANONYMISE = "CertificateRecord.anonymise";
    static final String OF_CLASS = "CertificateRecord.ofClass";
    static final String LATEST = "CertificateRecord.latest";
    static final String LOOKED_UP = "CertificateRecord.lookedUp";

    @Id
    @Column(length = 36)
    private String id;
    @Column(name = "NUMBER", length = 19, nullable = false)
    private String number;
    @Column(length = 80)
    private String currentOf;
    @Column(length = 16, nullable = false)
    private String status;
    @Column(length = 36, nullable = false)
    private String learnerId;
    @Column(length = 60, nullable = false)
    private String maskedName;
    @Column(length = 18, nullable = false)
    private String idNumber;
    @Column(length = 36, nullable = false)
    private String classId;
    @Column(length = 200, nullable = false)
    private String className;
    @Column(length = 64, nullable = false)
    private String programmeCode;
    @Column(length = 200, nullable = false)
    private String programmeName;
    @Column(length = 36, nullable = false)
    private String institutionId;
    @Column(length = 100, nullable = false)
    private String institutionName;
    @Column(length = 20, nullable = false)
    private String registrationNumber;
    @Column(length = 6, nullable = false)
    private String city;
    private long creditedSeconds;
    @Column(length = 16, nullable = false)
    private String onlineHours;
    @Column(length = 10, nullable = false)
    private String startsOn;
    @Column(length = 10, nullable = false)
    private String endsOn;
    @Column(length = 10, nullable = false)
    private String completedOn;
    private int score;
    private int totalPoints;
    private int passMark;
    @Column(length = 36, nullable = false)
    private String attemptId;
    private long checkpointSize;
    @Column(length = 64, nullable = false)
    private String checkpointRoot;
    private long issuedAt;
    @Column(length = 64, nullable = false)
    private String issuedBy;
    @Column(length = 19)
    private String predecessor;
    private Long revokedAt;
    @Column(length = 64)
    private String revokedBy;
    @Column(length = 500)
    private String revocationReason;
    private long lookups;
    /** The learner's county, else city, when it was issued. */
    @Column(length = 6)
    private String region;

    protected CertificateRecord() {
    }

    /**
     * A valid certificate of what {@code stated} states, under a fresh id and the given number.
     *
     * @param predecessor the number of the revoked certificate it replaces, or {@code null}
     */
    CertificateRecord(String number, Certificate stated, String region, String predecessor) {
        this.id = UUID.randomUUID().toString();
        this.number = number;
        this.currentOf = key(stated.learnerId(), stated.classId());
        this.status = Status.VALID.name();
        this.learnerId = stated.learnerId();
        this.maskedName = stated.learnerName();
        this.idNumber = stated.idNumber();
        this.classId = stated.classId();
        this.className = stated.className();
        this.programmeCode = stated.programmeCode();
        this.programmeName = stated.programmeName();
        this.institutionId = stated.institutionId();
        this.institutionName = stated.institutionName();
        this.registrationNumber = stated.registrationNumber();
        this.city = stated.city();
        this.creditedSeconds = stated.creditedSeconds();
        this.onlineHours = stated.onlineHours();
        this.startsOn = stated.startsOn().toString();
        this.endsOn = stated.endsOn().toString();
        this.completedOn = stated.completedOn().toString();
        this.score = stated.score();
        this.totalPoints = stated.totalPoints();
        this.passMark = stated.passMark();
        this.attemptId = stated.attemptId();
        this.checkpointSize = stated.checkpointSize();
        this.checkpointRoot = stated.checkpointRoot();
        this.issuedAt = stated.issuedAt().toEpochMilli();
        this.issuedBy = stated.issuedBy();
        this.predecessor = predecessor;
        this.region = region;
    }

    /** What {@code CURRENTOF} holds while a learner's certificate of a class is valid. */
    static String key(String learnerId, String classId) {
        return learnerId + "/" + classId;
    }

    String id() {
        return id;
    }

    long issuedAt() {
        return issuedAt;
    }

    String number() {
        return number;
    }

    String learnerId() {
        return learnerId;
    }

    String classId() {
        return classId;
    }

    String city() {
        return city;
    }

    boolean valid() {
        return Status.VALID.name().equals(status);
    }

    void revoke(Instant at, String by, String reason) {
        status = Status.REVOKED.name();
        currentOf = null;
        revokedAt = at.toEpochMilli();
        revokedBy = by;
        revocationReason = reason;
    }

    FeedCertificate feedItem() {
        return new FeedCertificate(number, status, learnerId, maskedName, idNumber, region, classId, programmeCode,
                institutionId, registrationNumber, city, creditedSeconds, onlineHours, LocalDate.parse(completedOn),
                score, passMark, Instant.ofEpochMilli(issuedAt), predecessor,
                revokedAt == null ? null : Instant.ofEpochMilli(revokedAt), revocationReason);
    }

    /** The certificate, its QR code pointing below the platform's public address. */
    Certificate view(String publicUrl) {
        String verificationUrl = publicUrl.replaceAll("/+$", "") + "/api/v1/public/certificates/" + number + "/page";
        return new Certificate(id, number, Status.valueOf(status), learnerId, maskedName, idNumber, classId,
                className, programmeCode, programmeName, institutionId, institutionName, registrationNumber, city,
                creditedSeconds, onlineHours, null, LocalDate.parse(startsOn), LocalDate.parse(endsOn),
                LocalDate.parse(completedOn), score, totalPoints, passMark, attemptId, checkpointSize,
                checkpointRoot, Instant.ofEpochMilli(issuedAt), issuedBy, predecessor,
                revokedAt == null ? null : Instant.ofEpochMilli(revokedAt), revokedBy, revocationReason, lookups,
                verificationUrl);
    }
}
