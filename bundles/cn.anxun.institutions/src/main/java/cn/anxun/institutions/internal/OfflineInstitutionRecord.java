package cn.anxun.institutions.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.NamedQueries;
import javax.persistence.NamedQuery;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

import cn.anxun.institutions.OfflineInstitution;
import cn.anxun.institutions.OfflineInstitutionEntry;

/** An entry of a city's register of offline institutions; one per city and credit code. */
@Entity
@Table(name = "OFFLINE_INSTITUTION",
        uniqueConstraints = @UniqueConstraint(name = "OFFLINE_INSTITUTION_CITY_CODE", columnNames = {"CITY", "CREDITCODE"}))
@NamedQueries({
    @NamedQuery(name = OfflineInstitutionRecord.OF_CITY,
            query = "SELECT o FROM OfflineInstitutionRecord o WHERE o.city = :city ORDER BY o.creditCode"),
    @NamedQuery(name = OfflineInstitutionRecord.BY_CREDIT_CODE,
            query = "SELECT o FROM OfflineInstitutionRecord o WHERE o.city = :city AND o.creditCode = :code"),
    @NamedQuery(name = OfflineInstitutionRecord.BY_CREDIT_CODES,
            query = "SELECT o FROM OfflineInstitutionRecord o WHERE o.creditCode IN :codes")})
class OfflineInstitutionRecord {

    static final String OF_CITY = "OfflineInstitutionRecord.ofCity";
    static final String BY_CREDIT_CODE = "OfflineInstitutionRecord.byCreditCode";
    static final String BY_CREDIT_CODES = "OfflineInstitutionRecord.byCreditCodes";
    /** Programmes are kept in one column, one per line: they are read and written as a whole. */
    private static final String SEPARATOR = "\n";

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "CITY", length = 6, nullable = false)
    private String city;

    @Column(length = 100, nullable = false)
    private String name;

    @Column(name = "CREDITCODE", length = 18, nullable = false)
    private String creditCode;

    @Column(length = 40, nullable = false)
    private String filingNumber;

    @Column(length = 200, nullable = false)
    private String siteAddress;

    @Column(length = EntryRules.MAX_PROGRAMMES_LENGTH, nullable = false)
    private String programmes;

    @Column(length = 10, nullable = false)
    private String status;

    private long updatedAt;

    protected OfflineInstitutionRecord() {
    }

    OfflineInstitutionRecord(String city, OfflineInstitutionEntry entry, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.city = city;
        this.creditCode = entry.creditCode();
        set(entry, now);
    }

    void set(OfflineInstitutionEntry entry, Instant now) {
        name = entry.name();
        creditCode = entry.creditCode();
        filingNumber = entry.filingNumber();
        siteAddress = entry.siteAddress();
        programmes = String.join(SEPARATOR, entry.programmes());
        status = entry.status().name();
        updatedAt = now.toEpochMilli();
    }

    String creditCode() {
        return creditCode;
    }

    String city() {
        return city;
    }

    OfflineInstitution view() {
        return new OfflineInstitution(id, city, name, creditCode, filingNumber, siteAddress,
                List.of(programmes.split(SEPARATOR)), OfflineInstitution.Status.valueOf(status),
                Instant.ofEpochMilli(updatedAt));
    }
}
