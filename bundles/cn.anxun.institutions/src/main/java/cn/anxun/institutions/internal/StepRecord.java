package cn.anxun.institutions.internal;

import java.time.Instant;
import java.util.UUID;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.NamedQueries;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

import cn.anxun.institutions.Registration;

/** One step in the history of a registration; appended, never changed. */
@Entity
@Table(name = "REGISTRATION_STEP")
@NamedQueries({
    @NamedQuery(name = StepRecord.OF_REGISTRATIONS, query = "SELECT s FROM StepRecord s "
            + "WHERE s.registrationId IN :registrations ORDER BY s.registrationId, s.sequence"),
    @NamedQuery(name = StepRecord.COUNT,
            query = "SELECT COUNT(s) FROM StepRecord s WHERE s.registrationId = :registration")})
class StepRecord {

    static final String OF_REGISTRATIONS = "StepRecord.ofRegistrations";
    static final String COUNT = "StepRecord.count";

    @Id
    @Column(length = 36)
    private String id;

    @Column(length = 36, nullable = false)
    private String registrationId;

    private long takenAt;

    /** The step's place in its registration's history, from 0. */
    private int sequence;

    @Column(length = 10, nullable = false)
    private String action;

    @Column(length = 10, nullable = false)
    private String status;

    @Column(length = 100, nullable = false)
    private String actor;

    @Column(length = 30, nullable = false)
    private String actorRole;

    @Column(length = StepRules.MAX_REASON)
    private String reason;

    protected StepRecord() {
    }

    StepRecord(String registrationId, int sequence, Instant at, Registration.Action action,
            Registration.Status status, String actor, String actorRole, String reason) {
        this.id = UUID.randomUUID().toString();
        this.registrationId = registrationId;
        this.sequence = sequence;
        this.takenAt = at.toEpochMilli();
        this.action = action.name();
        this.status = status.name();
        this.actor = actor;
        this.actorRole = actorRole;
        this.reason = reason;
    }

    String registrationId() {
        return registrationId;
    }

    Registration.Step view() {
        return new Registration.Step(Instant.ofEpochMilli(takenAt), Registration.Action.valueOf(action),
                Registration.Status.valueOf(status), actor, actorRole, reason);
    }
}
