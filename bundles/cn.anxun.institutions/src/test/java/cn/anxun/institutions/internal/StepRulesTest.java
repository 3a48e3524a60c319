package cn.anxun.institutions.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.Test;

import cn.anxun.identity.ConflictException;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.institutions.Decision;
import cn.anxun.institutions.Intent;
import cn.anxun.institutions.Registration.Action;
import cn.anxun.institutions.Registration.Status;

public class StepRulesTest {

    @Test
    public void eachStepFollowsOnlyTheStatusesItIsMeantFor() {
        Map<Action, Map<Status, Status>> allowed = Map.of(
                Action.APPROVE, Map.of(Status.SUBMITTED, Status.REGISTERED),
                Action.REJECT, Map.of(Status.SUBMITTED, Status.REJECTED),
                Action.SUSPEND, Map.of(Status.REGISTERED, Status.SUSPENDED),
                Action.REINSTATE, Map.of(Status.SUSPENDED, Status.REGISTERED),
                Action.REVOKE, Map.of(Status.REGISTERED, Status.REVOKED, Status.SUSPENDED, Status.REVOKED));
        allowed.forEach((action, transitions) -> {
            for (Status from : Status.values()) {
                if (transitions.containsKey(from)) {
                    assertEquals(action + " from " + from, transitions.get(from), StepRules.next(from, action));
                } else {
                    assertThrows(action + " from " + from, ConflictException.class, () -> StepRules.next(from, action));
                }
            }
        });
    }

    @Test
    public void onlyAnApprovalNeedsNoReason() {
        assertNull(StepRules.checked(new Decision(Action.APPROVE, "  ")).reason());
        for (Action action : List.of(Action.REJECT, Action.SUSPEND, Action.REINSTATE, Action.REVOKE)) {
            assertEquals(List.of("reason:required"), rules(() -> StepRules.checked(new Decision(action, " "))));
            assertEquals("整改", StepRules.checked(new Decision(action, " 整改 ")).reason());
        }
        assertEquals(List.of("reason:max-length"),
                rules(() -> StepRules.checked(new Decision(Action.REVOKE, "长".repeat(StepRules.MAX_REASON + 1)))));
        assertEquals(List.of("action:one-of"), rules(() -> StepRules.checked(new Decision(Action.SUBMIT, "x"))));
        assertEquals(List.of("action:one-of"), rules(() -> StepRules.checked(new Decision(null, "x"))));
    }

    @Test
    public void anIntentNamesEveryBrokenRuleAndIsNormalised() {
        assertEquals(List.of("institutionName:required", "creditCode:gb-32100-check-character", "letterId:required"),
                rules(() -> StepRules.checked(new Intent(" ", "91350100M000100Y44", null))));
        Intent intent = StepRules.checked(new Intent(" 广州安培职业培训学校 ", "9144030071526726xg ", " letter "));
        assertEquals(new Intent("广州安培职业培训学校", "9144030071526726XG", "letter"), intent);
    }

    private static List<String> rules(Runnable check) {
        InvalidInputException refused = assertThrows(InvalidInputException.class, check::run);
        return refused.violations().stream().map(v -> v.field() + ":" + v.rule()).toList();
    }
}
