package cn.anxun.courses.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.CascadeType;
import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.NamedQuery;
import javax.persistence.OneToMany;
import javax.persistence.OrderColumn;
import javax.persistence.Table;

import cn.anxun.courses.Course;

/** A course in {@code COURSE}, its programmes, teachers and units in tables of their own. */
@Entity
@Table(name = "COURSE")
@NamedQuery(name = CourseRecord.OF_INSTITUTION, query = "SELECT c FROM CourseRecord c "
        + "WHERE c.institutionId = :institution ORDER BY c.createdAt DESC, c.id")
@NamedQuery(name = CourseRecord.IN_STATUS, query = "SELECT c FROM CourseRecord c WHERE c.status = :status "
        + "ORDER BY c.updatedAt, c.id")
public class CourseRecord {

    static final String OF_INSTITUTION = "CourseRecord.ofInstitution";
    static final String IN_STATUS = "CourseRecord.inStatus";

    @Id
    @Column(length = 36)
    private String id;
    @Column(name = "INSTITUTION", length = 36, nullable = false)
    private String institutionId;
    @Column(length = 200, nullable = false)
    private String title;
    @Column(length = 2000)
    private String description;
    @Enumerated(EnumType.STRING)
    @Column(length = 16, nullable = false)
    private Course.Status status;
    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;
    @Column(name = "UPDATED_AT", nullable = false)
    private long updatedAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "COURSE_PROGRAMME", joinColumns = @JoinColumn(name = "COURSE"))
    @OrderColumn(name = "POSITION")
    private List<ProgrammeRef> programmes = new ArrayList<>();
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "COURSE_TEACHER", joinColumns = @JoinColumn(name = "COURSE"))
    @Column(name = "NAME", length = 50, nullable = false)
    @OrderColumn(name = "POSITION")
    private List<String> teachers = new ArrayList<>();
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "COURSE")
    @OrderColumn(name = "POSITION")
    private List<UnitRecord> units = new ArrayList<>();

    protected CourseRecord() {
    }

    CourseRecord(String id, String institutionId, Instant at) {
        this.id = id;
        this.institutionId = institutionId;
        this.status = Course.Status.DRAFT;
        this.createdAt = at.toEpochMilli();
    }

    /** Replaces what the institution wrote. */
    void content(String newTitle, String newDescription, List<ProgrammeRef> newProgrammes, List<String> newTeachers,
            List<UnitRecord> newUnits, Instant at) {
        title = newTitle;
        description = newDescription;
        programmes.clear();
        programmes.addAll(newProgrammes);
        teachers.clear();
        teachers.addAll(newTeachers);
        units.clear();
        units.addAll(newUnits);
        updatedAt = at.toEpochMilli();
    }

    void status(Course.Status newStatus, Instant at) {
        status = newStatus;
        updatedAt = at.toEpochMilli();
    }

    String id() {
        return id;
    }

    String institutionId() {
        return institutionId;
    }

    String title() {
        return title;
    }

    String description() {
        return description;
    }

    Course.Status status() {
        return status;
    }

    Instant createdAt() {
        return Instant.ofEpochMilli(createdAt);
    }

    Instant updatedAt() {
        return Instant.ofEpochMilli(updatedAt);
    }

    List<ProgrammeRef> programmes() {
        return List.copyOf(programmes);
    }

    List<String> teachers() {
        return List.copyOf(teachers);
    }

    List<UnitRecord> units() {
        return List.copyOf(units);
    }
}
