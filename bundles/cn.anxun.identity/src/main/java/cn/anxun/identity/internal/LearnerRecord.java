package cn.anxun.identity.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

import cn.anxun.identity.IdNumber;
import cn.anxun.identity.PersonnelCategory;

/**
 * The real-name data of a learner. The ID number and the profile (name, employer, job title) are stored sealed
 * (AES-GCM, bound to the account id), the name also as a keyed hash to search by; birth date and the masked number
 * are derived from the ID number when needed and never stored. Once the learner's archive has outlived its retention,
 * both are erased and only what statistics count stays.
 */
@Entity
@Table(name = "LEARNER")
@NamedQuery(name = LearnerRecord.PAST, query = "SELECT a, l FROM Account a, LearnerRecord l WHERE l.accountId = a.id "
        + "AND l.registeredAt < :before AND l.anonymisedAt IS NULL AND a.id > :after ORDER BY a.id")
class LearnerRecord {

    static final String PAST = "LearnerRecord.past";

    @Id
    @Column(length = 36)
    private String accountId;

    @Lob
    @Column(nullable = false)
    private byte[] idNumberSealed;

    @Column(length = 6, nullable = false)
    private String sex;

    @Lob
    @Column(name = "PROFILE_SEALED")
    private byte[] profileSealed;

    @Column(name = "NAME_LOOKUP", length = 64)
    private String nameLookup;

    @Column(length = 6, nullable = false)
    private String city;

    @Column(length = 6)
    private String county;

    @Column(length = 20, nullable = false)
    private String category;

    @Column(length = 40)
    private String operationType;

    @Column(length = 40, nullable = false)
    private String verifiedBy;

    @Column(length = 40, nullable = false)
    private String verificationLevel;

    private long registeredAt;

    @Column(name = "ANONYMISED_AT")
    private Long anonymisedAt;

    protected LearnerRecord() {
    }

    LearnerRecord(String accountId, byte[] idNumberSealed, IdNumber.Sex sex, String city, String county,
            PersonnelCategory category, String operationType, String verifiedBy, String verificationLevel,
            Instant registeredAt) {
        this.accountId = accountId;
        this.idNumberSealed = idNumberSealed;
        this.sex = sex.name();
        this.city = city;
        this.county = county;
        this.category = category.name();
        this.operationType = operationType;
        this.verifiedBy = verifiedBy;
        this.verificationLevel = verificationLevel;
        this.registeredAt = registeredAt.toEpochMilli();
    }

    String accountId() {
        return accountId;
    }

    byte[] idNumberSealed() {
        return idNumberSealed;
    }

    IdNumber.Sex sex() {
        return IdNumber.Sex.valueOf(sex);
    }

    LearnerProfile profile(Keys keys) {
        return LearnerProfile.open(keys, accountId, profileSealed);
    }

    void profile(Keys keys, LearnerProfile profile) {
        profileSealed = profile.sealed(keys, accountId);
        nameLookup = LearnerProfile.nameLookup(keys, profile.name());
    }

    /** Whether the profile is still in the clear columns of a database written before profiles were sealed. */
    boolean profileUnsealed() {
        return profileSealed == null;
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

    String verifiedBy() {
        return verifiedBy;
    }

    String verificationLevel() {
        return verificationLevel;
    }

    Instant registeredAt() {
        return Instant.ofEpochMilli(registeredAt);
    }

    /** Erases the ID number, the profile and the name's hash; sex, region, category and dates stay for statistics. */
    void anonymise(Instant at) {
        idNumberSealed = new byte[0];
        profileSealed = new byte[0];
        nameLookup = null;
        anonymisedAt = at.toEpochMilli();
    }

    Instant anonymisedAt() {
        return anonymisedAt == null ? null : Instant.ofEpochMilli(anonymisedAt);
    }
}
