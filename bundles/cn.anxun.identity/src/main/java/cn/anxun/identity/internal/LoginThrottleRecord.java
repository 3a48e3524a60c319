package cn.anxun.identity.internal;

import java.time.Instant;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EntityManager;
import javax.persistence.Id;
import javax.persistence.LockModeType;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

/**
 * Failed logins in a row of one subject from one client address, in {@code LOGIN_THROTTLE}, and from every address
 * together ({@link #EVERY_ADDRESS}); also the requests an address made against their limits ({@link RequestCount}). The
 * subject of logins is an account, or a name no account has, so that an unknown name is slowed down and locked like a
 * known one; the address makes a lock hold for the address that earned it, so that whoever knows someone's user name
 * cannot keep them out. Names and addresses are kept as keyed hashes only.
 */
@Entity
@Table(name = "LOGIN_THROTTLE")
@NamedQuery(name = LoginThrottleRecord.CLEAR_SUBJECT,
        query = "DELETE FROM LoginThrottleRecord t WHERE t.subject = :subject")
@NamedQuery(name = LoginThrottleRecord.STALE, query = "DELETE FROM LoginThrottleRecord t WHERE t.updatedAt < :before "
        + "AND (t.lockedUntil IS NULL OR t.lockedUntil < :now)")
class LoginThrottleRecord {

    static final String CLEAR_SUBJECT = "LoginThrottleRecord.clearSubject";
    /** The address under which a subject's failures from every address are counted together. */
    static final String EVERY_ADDRESS = "*";
    /** Rows untouched for a while and no longer locked: what they counted is forgotten. */
    static final String STALE = "LoginThrottleRecord.stale";

    @Id
    @Column(length = 150)
    private String id;

    @Column(name = "SUBJECT", length = 80, nullable = false)
    private String subject;

    @Column(name = "FAILURES", nullable = false)
    private int failures;

    @Column(name = "NEXT_AT")
    private Long nextAt;

    @Column(name = "LOCKED_UNTIL")
    private Long lockedUntil;

    @Column(name = "UPDATED_AT", nullable = false)
    private long updatedAt;

    protected LoginThrottleRecord() {
    }

    LoginThrottleRecord(String subject, String address, Instant now) {
        this.id = subject + "@" + address;
        this.subject = subject;
        this.updatedAt = now.toEpochMilli();
    }

    /** The row of the subject from this client address, locked, made if it is the first attempt. */
    static LoginThrottleRecord locked(EntityManager em, Keys keys, String subject, String address, Instant now) {
        LoginThrottleRecord fresh = new LoginThrottleRecord(subject,
                keys.lookupHash("client-address:" + Objects.requireNonNullElse(address, "none")), now);
        LoginThrottleRecord row = em.find(LoginThrottleRecord.class, fresh.id(), LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            em.persist(fresh);
            em.flush();
            return fresh;
        }
        return row;
    }

    String id() {
        return id;
    }

    LoginThrottle.State state() {
        return new LoginThrottle.State(failures, at(nextAt), at(lockedUntil));
    }

    void state(LoginThrottle.State state, Instant now) {
        updatedAt = now.toEpochMilli();
        failures = state.failures();
        nextAt = state.nextAttemptAt() == null ? null : state.nextAttemptAt().toEpochMilli();
        lockedUntil = state.lockedUntil() == null ? null : state.lockedUntil().toEpochMilli();
    }

    private static Instant at(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
