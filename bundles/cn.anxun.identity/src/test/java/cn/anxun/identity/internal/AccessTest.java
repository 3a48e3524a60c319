package cn.anxun.identity.internal;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import java.util.Set;

import org.junit.Test;

import cn.anxun.identity.Caller;
import cn.anxun.identity.Role;

/** Who sees a learner of 440106 (广州 天河区) training with institution A. */
public class AccessTest {

    private final Account learner = Account.learner("lookup", "hash", "440106", "inst-a", Instant.EPOCH);

    private static Caller caller(String id, Role role, String region, String institution) {
        return new Caller(id, id, Set.of(role), region, institution, "s", "r");
    }

    @Test
    public void roleRegionAndInstitutionDecide() {
        // caller, sees masked, sees personal data, may reset the password
        check(new Caller(learner.id(), learner.id(), Set.of(Role.LEARNER), "440106", "inst-a", "s", "r"), true, true, false);
        check(caller("other", Role.LEARNER, "440106", "inst-a"), false, false, false);
        check(caller("p", Role.PROVINCE_REGULATOR, "440000", null), true, true, false);
        check(caller("c", Role.CITY_REGULATOR, "440100", null), true, true, false);
        check(caller("c", Role.CITY_REGULATOR, "440300", null), false, false, false);
        check(caller("k", Role.COUNTY_REGULATOR, "440106", null), true, true, false);
        check(caller("k", Role.COUNTY_REGULATOR, "440103", null), false, false, false);
        check(caller("a", Role.INSTITUTION_ADMIN, null, "inst-a"), true, true, true);
        check(caller("a", Role.INSTITUTION_ADMIN, null, "inst-b"), false, false, false);
        check(caller("s", Role.INSTITUTION_STAFF, null, "inst-a"), true, false, false);
        check(caller("s", Role.INSTITUTION_STAFF, null, "inst-b"), false, false, false);
        check(caller("o", Role.OPERATOR, null, null), true, true, true);
        check(caller("x", Role.AUDITOR, null, null), false, false, false);
        check(caller("x", Role.PLATFORM_ADMIN, null, null), false, false, false);
        check(Caller.anonymous("r"), false, false, false);
        // logged in with a one-time password: nothing until a password of one's own is set
        check(new Caller(learner.id(), learner.id(), Set.of(Role.LEARNER), "440106", "inst-a", "s", "r", true),
                false, false, false);
        check(new Caller("o", "o", Set.of(Role.OPERATOR), null, null, "s", "r", true), false, false, false);
    }

    private void check(Caller caller, boolean sees, boolean seesPersonalData, boolean resets) {
        String who = caller.roles() + " " + caller.regionCode() + " " + caller.institutionId();
        assertEquals(who + " sees", sees, Access.canSee(caller, learner));
        assertEquals(who + " sees personal data", seesPersonalData, Access.canSeePersonalData(caller, learner));
        assertEquals(who + " resets", resets, Access.canResetPassword(caller, learner));
    }
}
