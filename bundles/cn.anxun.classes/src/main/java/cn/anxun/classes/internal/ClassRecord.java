package cn.anxun.classes.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.NamedQuery;
import javax.persistence.OrderColumn;
import javax.persistence.Table;

import cn.anxun.classes.TrainingClass;
import cn.anxun.courses.Programme;
import cn.anxun.courses.TrainingKind;
import cn.anxun.feed.FedRecord;
import cn.anxun.feed.FeedClass;

/** A class as it was opened; its courses in {@code CLASS_COURSE}. */
@Entity
@Table(name = "TRAINING_CLASS")
@NamedQuery(name = ClassRecord.OF_INSTITUTION, query = "SELECT c FROM ClassRecord c "
        + "WHERE c.institutionId = :institution ORDER BY c.openedAt DESC, c.id")
@NamedQuery(name = ClassRecord.NAMES, query = "SELECT c.id, c.name FROM ClassRecord c WHERE c.id IN :ids")
@NamedQuery(name = ClassRecord.OF_LEARNER, query = "SELECT c FROM ClassRecord c, EnrolmentRecord e "
        + "WHERE e.classId = c.id AND e.learnerId = :learner ORDER BY c.openedAt DESC, c.id")
class ClassRecord extends FedRecord {

    static final String OF_INSTITUTION = "ClassRecord.ofInstitution";
    static final String NAMES = "ClassRecord.names";
    static final String OF_LEARNER = "ClassRecord.ofLearner";

    @Id
    @Column(length = 36)
    private String id;

    @Column(length = 64, nullable = false)
    private String institutionId;

    @Column(length = 6, nullable = false)
    private String city;

    @Column(length = 200, nullable = false)
    private String name;

    @Column(length = 64, nullable = false)
    private String programmeCode;

    private int programmeVersion;

    @Column(length = 200, nullable = false)
    private String programmeName;

    @Column(length = 12, nullable = false)
    private String kind;

    private int onlineHours;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "CLASS_COURSE", joinColumns = @JoinColumn(name = "CLASS_ID"))
    @OrderColumn(name = "SEQ")
    @Column(name = "COURSE_ID", length = 36)
    private List<String> courses = new ArrayList<>();

    @Column(length = 10, nullable = false)
    private String startsOn;

    @Column(length = 10, nullable = false)
    private String endsOn;

    private int learners;

    private long openedAt;

    @Column(length = 64, nullable = false)
    private String openedBy;

    protected ClassRecord() {
    }

    ClassRecord(String institutionId, String city, String name, Programme programme, List<String> courses,
            LocalDate startsOn, LocalDate endsOn, Instant now, String openedBy) {
        this.id = UUID.randomUUID().toString();
        this.institutionId = institutionId;
        this.city = city;
        this.name = name;
        this.programmeCode = programme.code();
        this.programmeVersion = programme.version();
        this.programmeName = programme.name();
        this.kind = programme.kind().name();
        this.onlineHours = programme.onlineHours();
        this.courses = new ArrayList<>(courses);
        this.startsOn = startsOn.toString();
        this.endsOn = endsOn.toString();
        this.openedAt = now.toEpochMilli();
        this.openedBy = openedBy;
    }

    long openedAt() {
        return openedAt;
    }

    String id() {
        return id;
    }

    void enrolled(int more) {
        learners += more;
    }

    FeedClass feedItem() {
        return new FeedClass(id, institutionId, name, city, programmeCode, programmeVersion, programmeName, kind,
                onlineHours, LocalDate.parse(startsOn), LocalDate.parse(endsOn), learners);
    }

    TrainingClass view() {
        return new TrainingClass(id, institutionId, city, name, programmeCode, programmeVersion, programmeName,
                TrainingKind.valueOf(kind), onlineHours, courses, LocalDate.parse(startsOn), LocalDate.parse(endsOn),
                learners, Instant.ofEpochMilli(openedAt), openedBy);
    }
}
