package cn.anxun.exams.internal;

import java.time.Instant;
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

import cn.anxun.exams.ExamAttempt;
import cn.anxun.exams.ExamAttempt.Status;

/** An attempt; its questions in {@code ATTEMPT_QUESTION}, the ids of its face checks in {@code ATTEMPT_FACE_CHECK}. */
@Entity
@Table(name = "EXAM_ATTEMPT")
@NamedQuery(name = AttemptRecord.OF_CLASS, query = "SELECT a FROM AttemptRecord a WHERE a.classId = :class "
        + "ORDER BY a.startedAt, a.id")
@NamedQuery(name = AttemptRecord.OF_LEARNER, query = "SELECT a FROM AttemptRecord a WHERE a.classId = :class "
        + "AND a.learnerId = :learner ORDER BY a.number")
@NamedQuery(name = AttemptRecord.OF_CLASS_LEARNERS, query = "SELECT a FROM AttemptRecord a WHERE a.classId = :class "
        + "AND a.learnerId IN :learners ORDER BY a.startedAt, a.id")
@NamedQuery(name = AttemptRecord.ALL_OF_LEARNER, query = "SELECT a FROM AttemptRecord a WHERE a.learnerId = :learner "
        + "ORDER BY a.startedAt, a.id")
class AttemptRecord {

    static final String OF_CLASS = "AttemptRecord.ofClass";
    static final String ALL_OF_LEARNER = "AttemptRecord.allOfLearner";
    static final String OF_LEARNER = "AttemptRecord.ofLearner";
    static final String OF_CLASS_LEARNERS = "AttemptRecord.ofClassLearners";

    @Id
    @Column(length = 36)
    private String id;

    @Column(length = 36, nullable = false)
    private String classId;

    @Column(length = 36, nullable = false)
    private String learnerId;

    private int number;

    @Column(length = 8, nullable = false)
    private String status;

    private long startedAt;

    private long deadline;

    /** When the next face check is asked for; {@code null} when none is before the deadline. */
    private Long checkDueAt;

    private Long endedAt;

    private Integer score;

    private int totalPoints;

    private int passMark;

    @Column(length = 120)
    private String reason;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ATTEMPT_FACE_CHECK", joinColumns = @JoinColumn(name = "ATTEMPTID"))
    @OrderColumn(name = "SEQ")
    @Column(name = "CHECKID", length = 36)
    private List<String> faceChecks = new ArrayList<>();

    protected AttemptRecord() {
    }

    AttemptRecord(String classId, String learnerId, int number, Instant startedAt, Instant deadline, int totalPoints,
            int passMark, String faceCheck) {
        this.id = UUID.randomUUID().toString();
        this.classId = classId;
        this.learnerId = learnerId;
        this.number = number;
        this.status = Status.OPEN.name();
        this.startedAt = startedAt.toEpochMilli();
        this.deadline = deadline.toEpochMilli();
        this.totalPoints = totalPoints;
        this.passMark = passMark;
        this.faceChecks.add(faceCheck);
    }

    String id() {
        return id;
    }

    String classId() {
        return classId;
    }

    String learnerId() {
        return learnerId;
    }

    Status status() {
        return Status.valueOf(status);
    }

    long deadline() {
        return deadline;
    }

    long startedAt() {
        return startedAt;
    }

    Long endedAt() {
        return endedAt;
    }

    int totalPoints() {
        return totalPoints;
    }

    Integer score() {
        return score;
    }

    Long checkDueAt() {
        return checkDueAt;
    }

    void checkDueAt(Long at) {
        checkDueAt = at == null || at >= deadline ? null : at;
    }

    void checked(String faceCheck) {
        faceChecks.add(faceCheck);
    }

    void graded(int points, long at) {
        score = points;
        status = (points >= passMark ? Status.PASSED : Status.FAILED).name();
        endedAt = at;
        checkDueAt = null;
    }

    void voided(String why, long at) {
        status = Status.VOIDED.name();
        reason = why;
        endedAt = at;
        checkDueAt = null;
    }

    ExamAttempt view(List<ExamAttempt.AttemptQuestion> questions) {
        return new ExamAttempt(id, classId, learnerId, number, status(), Instant.ofEpochMilli(startedAt),
                Instant.ofEpochMilli(deadline), checkDueAt == null ? null : Instant.ofEpochMilli(checkDueAt),
                endedAt == null ? null : Instant.ofEpochMilli(endedAt), score, totalPoints, passMark, reason,
                questions, faceChecks);
    }
}
