package cn.anxun.supervision.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.time.LocalDate;
import java.util.List;

import org.junit.Test;

import cn.anxun.identity.ConflictException;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.Operation;
import cn.anxun.identity.Violation;
import cn.anxun.supervision.Finding.Action;
import cn.anxun.supervision.Finding.Status;
import cn.anxun.supervision.Finding.Subject;
import cn.anxun.supervision.FindingDraft;
import cn.anxun.supervision.FindingStep;

public class FindingRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    @Test
    public void aFindingNeedsItsSubjectATextWithoutContactDetailsAndADeadlineAfterToday() {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> FindingRules.checked(
                new FindingDraft(null, " ", "整改，联系 13800138000", TODAY), TODAY));
        assertEquals(List.of("subject", "subjectId", "text", "deadline"), fields(refused));
        FindingDraft valid = FindingRules.checked(new FindingDraft(Subject.CLASS, " c-1 ", " 代学 ",
                TODAY.plusDays(1)), TODAY);
        assertEquals("c-1", valid.subjectId());
        assertEquals("代学", valid.text());
    }

    @Test
    public void onlyAReopeningSetsADeadlineAndOnlyASanctionNamesARegistration() {
        assertEquals(List.of("deadline"), fields(assertThrows(InvalidInputException.class, () -> FindingRules
                .checked(new FindingStep(Action.REOPEN, "again", TODAY, null), TODAY))));
        assertEquals(List.of("deadline", "registration"), fields(assertThrows(InvalidInputException.class,
                () -> FindingRules.checked(new FindingStep(Action.CLOSE, "ok", TODAY.plusDays(3), "r-1"), TODAY))));
        assertEquals(List.of("action"), fields(assertThrows(InvalidInputException.class, () -> FindingRules
                .checked(new FindingStep(Action.RAISE, "again", null, null), TODAY))));
        FindingRules.checked(new FindingStep(Action.SUSPEND, "not rectified", null, "r-1"), TODAY);
    }

    @Test
    public void theInstitutionAnswersAnOpenFindingAndTheRegulatorDecidesTheRest() {
        assertEquals(Status.ANSWERED, FindingRules.next(Action.ANSWER, Status.OPEN));
        assertEquals(Status.OPEN, FindingRules.next(Action.REOPEN, Status.ANSWERED));
        assertEquals(Status.ANSWERED, FindingRules.next(Action.ESCALATE, Status.ANSWERED));
        assertEquals(Status.OPEN, FindingRules.next(Action.SUSPEND, Status.OPEN));
        assertEquals(Status.CLOSED, FindingRules.next(Action.CLOSE, Status.OPEN));
        assertThrows(ConflictException.class, () -> FindingRules.next(Action.ANSWER, Status.ANSWERED));
        assertThrows(ConflictException.class, () -> FindingRules.next(Action.REOPEN, Status.OPEN));
        assertThrows(ConflictException.class, () -> FindingRules.next(Action.CLOSE, Status.CLOSED));
        assertEquals(Operation.UPDATE, FindingRules.operation(Action.ANSWER));
        for (Action decided : List.of(Action.REOPEN, Action.ESCALATE, Action.SUSPEND, Action.REVOKE, Action.CLOSE)) {
            assertEquals(Operation.DECIDE, FindingRules.operation(decided));
        }
    }

    private static List<String> fields(InvalidInputException refused) {
        return refused.violations().stream().map(Violation::field).toList();
    }
}
