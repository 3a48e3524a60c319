package cn.anxun.courses.internal;

import java.time.Instant;
import java.util.UUID;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.NamedQueries;
import javax.persistence.NamedQuery;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

import cn.anxun.courses.Programme;
import cn.anxun.courses.ProgrammeEntry;
import cn.anxun.courses.TrainingKind;
import cn.anxun.identity.PersonnelCategory;

/** One version of a programme; only its status changes once it is stored. */
@Entity
@Table(name = "PROGRAMME", uniqueConstraints = @UniqueConstraint(name = "PROGRAMME_VERSION_ONCE",
        columnNames = {"CODE", "VERSION"}))
@NamedQueries({
    @NamedQuery(name = ProgrammeRecord.IN_USE, query = "SELECT p FROM ProgrammeRecord p "
            + "WHERE p.status IN :statuses ORDER BY p.code"),
    @NamedQuery(name = ProgrammeRecord.VERSIONS, query = "SELECT p FROM ProgrammeRecord p WHERE p.code IN :codes "
            + "ORDER BY p.code, p.version DESC"),
    @NamedQuery(name = ProgrammeRecord.COUNT, query = "SELECT COUNT(p) FROM ProgrammeRecord p")})
class ProgrammeRecord {

    static final String IN_USE = "ProgrammeRecord.inUse";
    static final String VERSIONS = "ProgrammeRecord.versions";
    static final String COUNT = "ProgrammeRecord.count";

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "CODE", length = 60, nullable = false)
    private String code;

    @Column(name = "VERSION")
    private int version;

    @Column(length = 60, nullable = false)
    private String name;

    @Column(length = 20, nullable = false)
    private String category;

    @Column(length = 60)
    private String industry;

    @Column(length = 60)
    private String operationType;

    @Column(length = 10, nullable = false)
    private String kind;

    private int theoryHours;

    private int practicalHours;

    /** The programme's own share, or {@code null} for the deployment's. */
    private Integer onlineShare;

    @Column(length = 10, nullable = false)
    private String status;

    private long since;

    @Column(length = 100, nullable = false)
    private String sinceBy;

    protected ProgrammeRecord() {
    }

    ProgrammeRecord(ProgrammeEntry entry, int version, Instant now, String by) {
        this.id = UUID.randomUUID().toString();
        this.code = entry.code();
        this.version = version;
        this.name = entry.name();
        this.category = entry.category().name();
        this.industry = entry.industry();
        this.operationType = entry.operationType();
        this.kind = entry.kind().name();
        this.theoryHours = entry.theoryHours();
        this.practicalHours = entry.practicalHours();
        this.onlineShare = entry.onlineShare();
        this.status = Programme.Status.CURRENT.name();
        this.since = now.toEpochMilli();
        this.sinceBy = by;
    }

    int version() {
        return version;
    }

    Programme.Status status() {
        return Programme.Status.valueOf(status);
    }

    void status(Programme.Status next) {
        status = next.name();
    }

    Programme view(int initialShare) {
        TrainingKind trainingKind = TrainingKind.valueOf(kind);
        int share = ProgrammeRules.share(trainingKind, onlineShare, initialShare);
        return new Programme(code, version, name, PersonnelCategory.valueOf(category), industry, operationType,
                trainingKind, theoryHours, practicalHours, share, ProgrammeRules.onlineHours(theoryHours, share),
                status(), Instant.ofEpochMilli(since), sinceBy);
    }
}
