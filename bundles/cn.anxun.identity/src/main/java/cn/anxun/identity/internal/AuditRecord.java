package cn.anxun.identity.internal;

import java.time.Instant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EntityManager;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.NamedQuery;
import javax.persistence.PersistenceException;
import javax.persistence.Table;

import cn.anxun.identity.AuditEntry;
import cn.anxun.identity.Caller;

/** A row of the audit log. It has no setters: rows are written once and never changed. */
@Entity
@Table(name = "AUDIT_EVENT", indexes = {
    @Index(name = "AUDIT_EVENT_OCCURRED_AT", columnList = "OCCURRED_AT"),
    @Index(name = "AUDIT_EVENT_ACTOR", columnList = "ACTOR"),
    @Index(name = "AUDIT_EVENT_TARGET", columnList = "TARGET")})
@NamedQuery(name = AuditRecord.OF_TARGET, query = "SELECT a FROM AuditRecord a WHERE a.target = :target "
        + "AND a.action = :action AND a.outcome = 'success' ORDER BY a.seq")
class AuditRecord {

    static final String OF_TARGET = "AuditRecord.ofTarget";


    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long seq;

    @Column(name = "OCCURRED_AT", nullable = false)
    private long at;

    @Column(name = "ACTOR", length = 64, nullable = false)
    private String actor;

    @Column(length = 30, nullable = false)
    private String role;

    @Column(length = 40, nullable = false)
    private String action;

    @Column(name = "TARGET", length = 80)
    private String target;

    @Column(length = 6)
    private String region;

    @Column(length = 10, nullable = false)
    private String outcome;

    @Column(length = 64)
    private String requestId;

    @Column(length = 300)
    private String detail;

    protected AuditRecord() {
    }

    AuditRecord(Instant at, String actor, String role, String action, String target, String region, String outcome,
            String requestId, String detail) {
        // what a caller typed (a path, a user name) reaches these columns: cut to fit, the row is always written
        this.at = at.toEpochMilli();
        this.actor = fit(actor, 64);
        this.role = fit(role, 30);
        this.action = fit(action, 40);
        this.target = fit(target, 80);
        this.region = fit(region, 6);
        this.outcome = fit(outcome, 10);
        this.requestId = fit(requestId, 64);
        this.detail = fit(detail, 300);
    }

    /** A row for something the caller did; an anonymous caller is named by what it claimed to be. */
    static AuditRecord of(Instant at, Caller caller, String action, String target, String region, String outcome,
            String detail) {
        return new AuditRecord(at, caller.authenticated() ? caller.accountId() : caller.name(), caller.mainRole(),
                action, target, region, outcome, caller.requestId(), detail);
    }

    /** The text, its end replaced by '…' if it is longer than its column. */
    static String fit(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    /**
     * Inserts this row through the connection of the transaction it belongs to, of this unit or another: every
     * unit's tables are in the same database, so the change and its row commit together. The mapping above is for
     * reading; rows are only ever written here.
     */
    void insert(EntityManager transaction) {
        Connection connection = transaction.unwrap(Connection.class);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO AUDIT_EVENT (OCCURRED_AT, ACTOR, ROLE,"
                + " ACTION, TARGET, REGION, OUTCOME, REQUESTID, DETAIL) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, at);
            String[] texts = {actor, role, action, target, region, outcome, requestId, detail};
            for (int i = 0; i < texts.length; i++) {
                insert.setString(i + 2, texts[i]);
            }
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("the audit row of " + action + " was not written", e);
        }
    }

    AuditEntry toEntry() {
        return new AuditEntry(seq, Instant.ofEpochMilli(at), actor, role, action, target, region, outcome, requestId,
                detail);
    }
}
