package cn.anxun.identity.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;

import cn.anxun.identity.Employer;
import cn.anxun.identity.IdNumber;
import cn.anxun.identity.PersonnelCategory;

/**
 * The real-name data of a learner. The ID number is stored sealed (AES-GCM, bound to the account id); birth date
 * and the masked number are derived from it when needed and never stored.
 */
@Entity
@Table(name = "LEARNER")
class LearnerRecord {

    @Id
    @Column(length = 36)
    private String accountId;

    @Column(length = 30, nullable = false)
    private String name;

    @Lob
    @Column(nullable = false)
    private byte[] idNumberSealed;

    @Column(length = 6, nullable = false)
    private String sex;

    @Column(length = 100, nullable = false)
    private String employerName;

    @Column(length = 18, nullable = false)
    private String employerCreditCode;

    @Column(length = 6, nullable = false)
    private String city;

    @Column(length = 6)
    private String county;

    @Column(length = 20, nullable = false)
    private String category;

    @Column(length = 40)
    private String operationType;

    @Column(length = 40)
    private String jobTitle;

    @Column(length = 40, nullable = false)
    private String verifiedBy;

    @Column(length = 40, nullable = false)
    private String verificationLevel;

    private long registeredAt;

    protected LearnerRecord() {
    }

    LearnerRecord(String accountId, String name, byte[] idNumberSealed, IdNumber.Sex sex, Employer employer,
            String city, String county, PersonnelCategory category, String operationType, String jobTitle,
            String verifiedBy, String verificationLevel, Instant registeredAt) {
        this.accountId = accountId;
        this.name = name;
        this.idNumberSealed = idNumberSealed;
        this.sex = sex.name();
        this.employerName = employer.name();
        this.employerCreditCode = employer.creditCode();
        this.city = city;
        this.county = county;
        this.category = category.name();
        this.operationType = operationType;
        this.jobTitle = jobTitle;
        this.verifiedBy = verifiedBy;
        this.verificationLevel = verificationLevel;
        this.registeredAt = registeredAt.toEpochMilli();
    }

    String accountId() {
        return accountId;
    }

    String name() {
        return name;
    }

    byte[] idNumberSealed() {
        return idNumberSealed;
    }

    IdNumber.Sex sex() {
        return IdNumber.Sex.valueOf(sex);
    }

    Employer employer() {
        return new Employer(employerName, employerCreditCode);
    }

    String city() {
        return city;
    }

    String county() {
        return county;
    }

    PersonnelCategory category() {
        return PersonnelCategory.valueOf(category);
    }

    String operationType() {
        return operationType;
    }

    String jobTitle() {
        return jobTitle;
    }

    String verifiedBy() {
        return verifiedBy;
    }

    String verificationLevel() {
        return verificationLevel;
    }

    Instant registeredAt() {
        return Instant.ofEpochMilli(registeredAt);
    }
}
