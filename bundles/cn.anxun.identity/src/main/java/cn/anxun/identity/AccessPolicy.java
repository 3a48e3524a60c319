package cn.anxun.identity;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Who may do what to which record: the one place the platform decides it. A decision weighs the caller's roles, the
 * region and institution they are bound to, and the record's {@link Scope}; a caller who logged in with a one-time
 * password may do nothing until they set their own. Every refusal of a known caller is audited the same way: action
 * {@code <kind>.<operation>}, outcome {@code denied}, the record's target and region.
 *
 * @since 2.0
 */
@ProviderType
public interface AccessPolicy {

    /** Whether the caller may act on the record; decides only and writes nothing, e.g. to filter a list. */
    boolean allows(Caller caller, Operation operation, Scope scope);

    /**
     * Passes if the caller may act on the record; else 401 for an anonymous caller, or the refusal is audited and
     * 403 thrown. The audit row joins an identity transaction that is open, so call it outside one that the refusal
     * would roll back.
     */
    void require(Caller caller, Operation operation, Scope scope);

    /**
     * The relations in which the caller may act on records of the kind, for a query that selects only those: a
     * list answers what lies in any of them. Passes if there is one; else 401 for an anonymous caller, or the
     * refusal is audited and 403 thrown.
     */
    Reach reach(Caller caller, Operation operation, RecordKind kind);
}
