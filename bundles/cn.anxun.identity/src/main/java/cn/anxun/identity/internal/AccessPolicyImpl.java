package cn.anxun.identity.internal;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.identity.AccessDeniedException;
import cn.anxun.identity.AccessPolicy;
import cn.anxun.identity.Caller;
import cn.anxun.identity.Operation;
import cn.anxun.identity.Reach;
import cn.anxun.identity.RecordKind;
import cn.anxun.identity.Regions;
import cn.anxun.identity.Relation;
import cn.anxun.identity.Scope;
import cn.anxun.identity.internal.AccessRules.Grant;

/**
 * Decides by {@link AccessRules}. Two rules stand above the table: a one-time password allows nothing, and nobody
 * decides on a record of the institution they are bound to.
 */
@Component(service = AccessPolicy.class)
public class AccessPolicyImpl implements AccessPolicy {

    /** Where refusals are written: the audit log, which itself asks this policy who may read it. */
    interface Refusals {
        void record(Caller caller, String action, String target, String region, String reason);
    }

    private static final Refusal PENDING = new Refusal("one-time password", "Set a password of your own first (POST "
            + "/api/v1/me/password): the one-time password you logged in with allows nothing else.");

    private final Refusals refusals;

    @Activate
    public AccessPolicyImpl(@Reference(target = "(osgi.unit.name=anxun-identity)") JpaTemplate jpa,
            @Reference Clock clock) {
        this((caller, action, target, region, reason) -> jpa.tx(TransactionType.Required, em -> AuditRecord.of(
                clock.instant(), caller, action, target, region, "denied", reason).insert(em)));
    }

    AccessPolicyImpl(Refusals refusals) {
        this.refusals = refusals;
    }

    @Override
    public boolean allows(Caller caller, Operation operation, Scope scope) {
        return refusal(caller, operation, scope) == null;
    }

    @Override
    public void require(Caller caller, Operation operation, Scope scope) {
        Refusal refusal = refusal(caller, operation, scope);
        if (refusal != null) {
            throw refused(caller, operation, scope.kind(), scope.target(), scope.region(), refusal);
        }
    }

    @Override
    public Reach reach(Caller caller, Operation operation, RecordKind kind) {
        Set<Relation> reach = caller.passwordChangeRequired() ? Set.of() : AccessRules.grants(kind, operation).stream()
                .filter(grant -> caller.roles().contains(grant.role())).map(Grant::relation)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Relation.class)));
        if (reach.isEmpty()) {
            throw refused(caller, operation, kind, null, null, caller.passwordChangeRequired() ? PENDING
                    : byRoles(caller, operation, kind));
        }
        return new Reach(caller, reach);
    }

    /** Why a caller may not: a short reason for the audit row, and the answer's explanation. */
    private record Refusal(String reason, String explanation) {
    }

    /** Why the caller may not, or {@code null} if they may. */
    private static Refusal refusal(Caller caller, Operation operation, Scope scope) {
        if (!caller.authenticated()) {
            return new Refusal("anonymous", "");
        }
        if (caller.passwordChangeRequired()) {
            return PENDING;
        }
        if (operation == Operation.DECIDE && caller.institutionId() != null
                && scope.institutions().contains(caller.institutionId())) {
            return new Refusal("own institution", "Nobody decides on a " + scope.kind().label()
                    + " of the institution they work for.");
        }
        boolean granted = AccessRules.grants(scope.kind(), operation).stream()
                .anyMatch(grant -> caller.roles().contains(grant.role()) && holds(grant.relation(), caller, scope));
        return granted ? null : byRoles(caller, operation, scope.kind());
    }

    static boolean holds(Relation relation, Caller caller, Scope scope) {
        return switch (relation) {
            case ANY -> true;
            case SELF -> scope.subjects().contains(caller.accountId());
            case OTHER -> !scope.subjects().contains(caller.accountId());
            case OWN_INSTITUTION -> caller.institutionId() != null
                    && scope.institutions().contains(caller.institutionId());
            case IN_REGION -> scope.regions().stream().anyMatch(region -> Regions.covers(caller.regionCode(), region));
            case IN_REGION_OR_ITS_CITY -> scope.regions().stream().anyMatch(region ->
                    Regions.covers(caller.regionCode(), region)
                    || Regions.isCity(region) && Regions.covers(region, caller.regionCode()));
            case PUBLISHED -> scope.published();
        };
    }

    private static Refusal byRoles(Caller caller, Operation operation, RecordKind kind) {
        List<Grant> grants = AccessRules.grants(kind, operation);
        return new Refusal(null, "Your roles " + caller.roles() + ", region and institution do not let you "
                + operation.label() + " this " + kind.label() + " record; " + (grants.isEmpty() ? "nobody may."
                : "it is open to " + grants.stream().map(AccessPolicyImpl::describe).collect(Collectors.joining(", "))
                + "."));
    }

    private static String describe(Grant grant) {
        return grant.role() + switch (grant.relation()) {
            case ANY -> "";
            case SELF -> " (their own)";
            case OTHER -> " (not their own)";
            case OWN_INSTITUTION -> " of its institution";
            case IN_REGION -> " of its region";
            case IN_REGION_OR_ITS_CITY -> " of its region or its city";
            case PUBLISHED -> " (once published)";
        };
    }

    private RuntimeException refused(Caller caller, Operation operation, RecordKind kind, String target, String region,
            Refusal refusal) {
        caller.requireLogin(operation.label() + " this " + kind.label() + " record");
        refusals.record(caller, kind.label() + "." + operation.label(), target, region, refusal.reason());
        return new AccessDeniedException(refusal.explanation());
    }
}
