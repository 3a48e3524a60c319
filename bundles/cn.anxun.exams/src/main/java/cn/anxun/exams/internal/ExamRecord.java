package cn.anxun.exams.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.CollectionTable;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.OrderColumn;
import javax.persistence.Table;
import javax.persistence.Column;

import cn.anxun.exams.Exam;
import cn.anxun.exams.ExamSection;

/** The test of a class; its blueprint's sections in {@code EXAM_SECTION}. */
@Entity
@Table(name = "EXAM")
class ExamRecord {

    @Id
    @Column(length = 36)
    private String classId;

    @Column(length = 64, nullable = false)
    private String programmeCode;

    @Column(length = 80, nullable = false)
    private String banks;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "EXAM_SECTION", joinColumns = @JoinColumn(name = "CLASSID"))
    @OrderColumn(name = "SEQ")
    private List<SectionRecord> sections = new ArrayList<>();

    private int totalPoints;

    private int passMark;

    private int minutes;

    private int attempts;

    private long definedAt;

    @Column(length = 64, nullable = false)
    private String definedBy;

    protected ExamRecord() {
    }

    ExamRecord(String classId, String programmeCode) {
        this.classId = classId;
        this.programmeCode = programmeCode;
    }

    /** Sets the blueprint, the banks it draws from and the rules. */
    void define(List<String> bankIds, List<ExamSection> blueprint, int passMark, int minutes, int attempts,
            Instant at, String by) {
        this.banks = String.join(" ", bankIds);
        this.sections = new ArrayList<>(blueprint.stream().map(SectionRecord::new).toList());
        this.totalPoints = blueprint.stream().mapToInt(section -> section.count() * section.points()).sum();
        this.passMark = passMark;
        this.minutes = minutes;
        this.attempts = attempts;
        this.definedAt = at.toEpochMilli();
        this.definedBy = by;
    }

    List<String> banks() {
        return List.of(banks.split(" "));
    }

    Exam view() {
        List<ExamSection> blueprint = sections.stream().map(SectionRecord::view).toList();
        return new Exam(classId, programmeCode, banks(), blueprint, blueprint.stream().mapToInt(ExamSection::count)
                .sum(), totalPoints, passMark, minutes, attempts, Instant.ofEpochMilli(definedAt), definedBy);
    }
}
