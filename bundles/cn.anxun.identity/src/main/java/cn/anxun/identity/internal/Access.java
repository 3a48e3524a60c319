package cn.anxun.identity.internal;

import java.util.Objects;

import cn.anxun.identity.Caller;
import cn.anxun.identity.Regions;
import cn.anxun.identity.Role;

/**
 * Who may see and do what to a learner: the learner themself; the operator; staff of the institution the learner
 * trains with; regulators whose region covers the learner's. Only roles that need the full ID number and the face
 * photo get them, and only institution administrators and the operator reset passwords.
 */
final class Access {

    private static final Role[] REGULATORS = {Role.PROVINCE_REGULATOR, Role.CITY_REGULATOR, Role.COUNTY_REGULATOR};

    private Access() {
    }

    /** Whether the caller may see the learner with the ID number masked. */
    static boolean canSee(Caller caller, Account learner) {
        return canSeePersonalData(caller, learner) || caller.has(Role.INSTITUTION_STAFF) && sameInstitution(caller, learner);
    }

    /** Whether the caller may see the full ID number and the face photo. */
    static boolean canSeePersonalData(Caller caller, Account learner) {
        return self(caller, learner) || caller.has(Role.OPERATOR)
                || caller.has(Role.INSTITUTION_ADMIN) && sameInstitution(caller, learner)
                || caller.has(REGULATORS) && Regions.covers(caller.regionCode(), learner.regionCode());
    }

    static boolean canResetPassword(Caller caller, Account learner) {
        return caller.has(Role.OPERATOR) || caller.has(Role.INSTITUTION_ADMIN) && sameInstitution(caller, learner);
    }

    static boolean self(Caller caller, Account learner) {
        return caller.authenticated() && !caller.passwordChangeRequired() && caller.accountId().equals(learner.id());
    }

    private static boolean sameInstitution(Caller caller, Account learner) {
        return caller.institutionId() != null && Objects.equals(caller.institutionId(), learner.institutionId());
    }
}
