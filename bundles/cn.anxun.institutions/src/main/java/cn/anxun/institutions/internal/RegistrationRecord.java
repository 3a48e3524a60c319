package cn.anxun.institutions.internal;

import java.time.Instant;
import java.util.UUID;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.NamedQueries;
import javax.persistence.NamedQuery;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

import cn.anxun.feed.FedRecord;
import cn.anxun.feed.FeedRegistration;
import cn.anxun.institutions.Intent;
import cn.anxun.institutions.Registration;

/**
 * A registration of an institution in a city. {@code OPENKEY} and {@code OPENCODE} are set while the registration is
 * open, so the database itself keeps an institution, and a credit code, to one open registration per city.
 */
@Entity
@Table(name = "INSTITUTION_REGISTRATION", uniqueConstraints = {
    @UniqueConstraint(name = "REGISTRATION_OPEN_ONCE", columnNames = "OPENKEY"),
    @UniqueConstraint(name = "REGISTRATION_CODE_ONCE", columnNames = "OPENCODE"),
    @UniqueConstraint(name = "REGISTRATION_NUMBER_ONCE", columnNames = "REGISTRATIONNUMBER")})
@NamedQueries({
    @NamedQuery(name = RegistrationRecord.OF_CITY,
            query = "SELECT r FROM RegistrationRecord r WHERE r.city = :city ORDER BY r.submittedAt DESC, r.id"),
    @NamedQuery(name = RegistrationRecord.OF_INSTITUTION, query = "SELECT r FROM RegistrationRecord r "
            + "WHERE r.institutionId = :institution ORDER BY r.submittedAt, r.id"),
    @NamedQuery(name = RegistrationRecord.LISTED, query = "SELECT r FROM RegistrationRecord r "
            + "WHERE r.city = :city AND r.status = 'REGISTERED' ORDER BY r.registrationNumber"),
    @NamedQuery(name = RegistrationRecord.SUPERVISED_IN, query = "SELECT DISTINCT r.institutionId "
            + "FROM RegistrationRecord r WHERE r.city = :city AND r.status IN ('REGISTERED', 'SUSPENDED')"),
    @NamedQuery(name = RegistrationRecord.OPEN_WITH_CODE, query = "SELECT r FROM RegistrationRecord r "
            + "WHERE r.city = :city AND r.openCode IS NOT NULL AND r.creditCode = :code")})
class RegistrationRecord extends FedRecord {

    static final String OF_CITY = "RegistrationRecord.ofCity";
    static final String OF_INSTITUTION = "RegistrationRecord.ofInstitution";
    static final String LISTED = "RegistrationRecord.listed";
    static final String OPEN_WITH_CODE = "RegistrationRecord.openWithCode";
    static final String SUPERVISED_IN = "RegistrationRecord.supervisedIn";

    @Id
    @Column(length = 36)
    private String id;

    @Column(length = 64, nullable = false)
    private String institutionId;

    @Column(length = 100, nullable = false)
    private String institutionName;

    @Column(length = 18, nullable = false)
    private String creditCode;

    @Column(length = 6, nullable = false)
    private String city;

    @Column(length = 10, nullable = false)
    private String status;

    @Column(name = "OPENKEY", length = 71)
    private String openKey;

    @Column(name = "OPENCODE", length = 25)
    private String openCode;

    @Column(name = "REGISTRATIONNUMBER", length = 20)
    private String registrationNumber;

    @Column(length = 36, nullable = false)
    private String letterId;

    private long submittedAt;

    protected RegistrationRecord() {
    }

    RegistrationRecord(String institutionId, String city, Intent intent, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.institutionId = institutionId;
        this.institutionName = intent.institutionName();
        this.creditCode = intent.creditCode();
        this.city = city;
        this.letterId = intent.letterId();
        this.submittedAt = now.toEpochMilli();
        status(Registration.Status.SUBMITTED);
    }

    void status(Registration.Status next) {
        status = next.name();
        openKey = next.open() ? institutionId + "/" + city : null;
        openCode = next.open() ? creditCode + "/" + city : null;
    }

    void number(String number) {
        registrationNumber = number;
    }

    String id() {
        return id;
    }

    String institutionId() {
        return institutionId;
    }

    String institutionName() {
        return institutionName;
    }

    String creditCode() {
        return creditCode;
    }

    String city() {
        return city;
    }

    Registration.Status status() {
        return Registration.Status.valueOf(status);
    }

    String registrationNumber() {
        return registrationNumber;
    }

    String letterId() {
        return letterId;
    }

    Instant submittedAt() {
        return Instant.ofEpochMilli(submittedAt);
    }

    FeedRegistration feedItem() {
        return new FeedRegistration(id, institutionId, institutionName, creditCode, city, status, registrationNumber,
                submittedAt());
    }
}
