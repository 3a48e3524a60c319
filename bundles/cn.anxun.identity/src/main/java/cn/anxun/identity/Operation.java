package cn.anxun.identity;

import java.util.Locale;

/**
 * What a caller does to a record, as the access policy knows it. With the kind of record it names the audit action of
 * a refusal, e.g. {@code ledger.read}.
 *
 * @since 2.0
 */
public enum Operation {
    /** See one record or list records. */
    READ,
    /** Make a new record: upload, open, submit, issue. */
    CREATE,
    /** Change a record, replace part of it or reset it. */
    UPDATE,
    /** Approve, return, refuse, suspend: a decision someone else's record waits for. */
    DECIDE,
    /** A regulator's spot check. */
    INSPECT,
    /** Take down, revoke, or withdraw what was granted or published. */
    REVOKE,
    /** Hand a whole set of records over, e.g. a handover package. */
    EXPORT,
    /** Remove a record, or what installing it added. */
    DELETE,
    /** Take records in from elsewhere. */
    IMPORT,
    /** Start a platform job on demand. */
    RUN;

    /** How the operation is written in an audit action: {@code read}, {@code revoke}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
