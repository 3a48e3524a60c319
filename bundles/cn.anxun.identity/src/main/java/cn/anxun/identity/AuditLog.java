package cn.anxun.identity;

import org.osgi.annotation.versioning.ProviderType;

/** The append-only audit log. Rows are never changed or deleted. */
@ProviderType
public interface AuditLog {

    /** Appends a row for something the caller did. */
    void record(Caller caller, String action, String target, String region, String outcome, String detail);

    /** Rows matching the filter, newest first; for auditors and the province regulator. The read is audited too. */
    Page<AuditEntry> query(Caller caller, AuditQuery query);
}
