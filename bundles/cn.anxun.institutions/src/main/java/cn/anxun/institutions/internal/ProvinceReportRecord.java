package cn.anxun.institutions.internal;

import java.time.Instant;
import java.util.UUID;

import javax.persistence.Column;
import javax.persistence.Embedded;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.NamedQueries;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

import cn.anxun.institutions.ProvinceReport;
import cn.anxun.institutions.Registration;

/** A city's report to the province of a decision on a registration. */
@Entity
@Table(name = "PROVINCE_REPORT")
@NamedQueries({
    @NamedQuery(name = ProvinceReportRecord.ALL,
            query = "SELECT p FROM ProvinceReportRecord p ORDER BY p.reportedAt DESC, p.id"),
    @NamedQuery(name = ProvinceReportRecord.OF_CITY, query = "SELECT p FROM ProvinceReportRecord p "
            + "WHERE p.registration.city = :city ORDER BY p.reportedAt DESC, p.id")})
class ProvinceReportRecord {

    static final String ALL = "ProvinceReportRecord.all";
    static final String OF_CITY = "ProvinceReportRecord.ofCity";

    @Id
    @Column(length = 36)
    private String id;

    @Embedded
    private RegistrationSnapshot registration;

    @Column(length = 10, nullable = false)
    private String action;

    @Column(length = StepRules.MAX_REASON)
    private String reason;

    private long reportedAt;

    @Column(length = 100, nullable = false)
    private String reportedBy;

    protected ProvinceReportRecord() {
    }

    ProvinceReportRecord(RegistrationRecord registration, Registration.Action action, String reason, Instant now,
            String reportedBy) {
        this.id = UUID.randomUUID().toString();
        this.registration = new RegistrationSnapshot(registration);
        this.action = action.name();
        this.reason = reason;
        this.reportedAt = now.toEpochMilli();
        this.reportedBy = reportedBy;
    }

    ProvinceReport view() {
        return new ProvinceReport(id, registration.city(), registration.registrationId(),
                registration.registrationNumber(), registration.institutionName(), registration.creditCode(),
                Registration.Action.valueOf(action), reason, Instant.ofEpochMilli(reportedAt), reportedBy);
    }
}
