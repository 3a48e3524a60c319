package cn.anxun.supervision.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import cn.anxun.identity.RecordKind;
import cn.anxun.identity.Scope;
import cn.anxun.supervision.Finding;
import cn.anxun.supervision.FindingDraft;

/** A finding as it stands now; its steps are {@link FindingStepRecord}s. */
@Entity
@Table(name = "FINDING")
class FindingRecord {

    @Id
    @Column(length = 36)
    private String id;

    @Column(length = 12, nullable = false)
    private String subject;

    @Column(length = 64, nullable = false)
    private String subjectId;

    @Column(length = 64, nullable = false)
    private String institutionId;

    @Column(length = 6, nullable = false)
    private String region;

    @Column(length = 6, nullable = false)
    private String decidedIn;

    @Column(length = 10, nullable = false)
    private String status;

    @Column(length = FindingRules.MAX_TEXT, nullable = false)
    private String text;

    /** ISO date, so that it compares as text. */
    @Column(length = 10, nullable = false)
    private String deadline;

    private long raisedAt;

    /** How many steps it has taken, the raising included. */
    private int steps;

    protected FindingRecord() {
    }

    FindingRecord(FindingDraft draft, String institutionId, String region, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.subject = draft.subject().name();
        this.subjectId = draft.subjectId();
        this.institutionId = institutionId;
        this.region = region;
        this.decidedIn = region;
        this.status = Finding.Status.OPEN.name();
        this.text = draft.text();
        this.deadline = draft.deadline().toString();
        this.raisedAt = now.toEpochMilli();
    }

    String id() {
        return id;
    }

    long raisedAt() {
        return raisedAt;
    }

    String institutionId() {
        return institutionId;
    }

    String decidedIn() {
        return decidedIn;
    }

    Finding.Subject subject() {
        return Finding.Subject.valueOf(subject);
    }

    String subjectId() {
        return subjectId;
    }

    Finding.Status status() {
        return Finding.Status.valueOf(status);
    }

    /** The next step's place in the history, counted. */
    int nextStep() {
        return steps++;
    }

    void status(Finding.Status next) {
        this.status = next.name();
    }

    void deadline(LocalDate next) {
        this.deadline = next.toString();
    }

    void decidedIn(String next) {
        this.decidedIn = next;
    }

    /** The finding for the policy: it belongs to its institution and lies where it was raised, or is decided. */
    Scope scope(boolean toDecide) {
        return new Scope(RecordKind.FINDING, "finding:" + id, Set.of(), Set.of(institutionId),
                Set.of(toDecide ? decidedIn : region), false);
    }

    Finding view(List<Finding.Step> history, LocalDate today) {
        LocalDate due = LocalDate.parse(deadline);
        return new Finding(id, subject(), subjectId, institutionId, region, decidedIn, status(), text, due,
                status() == Finding.Status.OPEN && due.isBefore(today), Instant.ofEpochMilli(raisedAt), history);
    }
}
