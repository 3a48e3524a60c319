package cn.anxun.identity;

import javax.persistence.EntityManager;

import org.osgi.annotation.versioning.ProviderType;

/** The append-only audit log. Rows are never changed or deleted. */
@ProviderType
public interface AuditLog {

    /** Appends a row for something the caller did, in a transaction of its own or the identity unit's. */
    void record(Caller caller, String action, String target, String region, String outcome, String detail);

    /**
     * Appends a row for a change through the transaction that makes the change, whichever persistence unit it
     * belongs to: the change and its row commit together or not at all.
     *
     * @param transaction the entity manager of the change, inside its transaction
     * @since 1.3
     */
    void record(EntityManager transaction, Caller caller, String action, String target, String region, String outcome,
            String detail);

    /** Rows matching the filter, newest first; for auditors and the province regulator. The read is audited too. */
    Page<AuditEntry> query(Caller caller, AuditQuery query);
}
