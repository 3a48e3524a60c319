package cn.anxun.supervision.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

import cn.anxun.supervision.Finding;

/** One step in the history of a finding; appended, never changed. */
@Entity
@Table(name = "FINDING_STEP")
@NamedQuery(name = FindingStepRecord.OF_FINDINGS, query = "SELECT s FROM FindingStepRecord s "
        + "WHERE s.findingId IN :findings ORDER BY s.findingId, s.sequence")
class FindingStepRecord {

    static final String OF_FINDINGS = "FindingStepRecord.ofFindings";

    @Id
    @Column(length = 36)
    private String id;

    @Column(length = 36, nullable = false)
    private String findingId;

    /** The step's place in its finding's history, from 0. */
    private int sequence;

    private long takenAt;

    @Column(length = 10, nullable = false)
    private String action;

    @Column(length = 10, nullable = false)
    private String status;

    @Column(length = 100, nullable = false)
    private String actor;

    @Column(length = 30, nullable = false)
    private String actorRole;

    @Column(length = FindingRules.MAX_TEXT, nullable = false)
    private String text;

    @Column(length = 10)
    private String deadline;

    @Column(length = 36)
    private String registration;

    protected FindingStepRecord() {
    }

    FindingStepRecord(FindingRecord finding, Instant at, Finding.Action action, String actor, String actorRole,
            String text, LocalDate deadline, String registration) {
        this.id = UUID.randomUUID().toString();
        this.findingId = finding.id();
        this.sequence = finding.nextStep();
        this.takenAt = at.toEpochMilli();
        this.action = action.name();
        this.status = finding.status().name();
        this.actor = actor;
        this.actorRole = actorRole;
        this.text = text;
        this.deadline = deadline == null ? null : deadline.toString();
        this.registration = registration;
    }

    String findingId() {
        return findingId;
    }

    Finding.Step view() {
        return new Finding.Step(Instant.ofEpochMilli(takenAt), Finding.Action.valueOf(action),
                Finding.Status.valueOf(status), actor, actorRole, text, deadline == null ? null
                        : LocalDate.parse(deadline), registration);
    }
}
