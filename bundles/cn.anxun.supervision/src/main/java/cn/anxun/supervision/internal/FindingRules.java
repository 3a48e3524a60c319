package cn.anxun.supervision.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.anxun.identity.ConflictException;
import cn.anxun.identity.FreeText;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.Operation;
import cn.anxun.identity.Violation;
import cn.anxun.supervision.Finding.Action;
import cn.anxun.supervision.Finding.Status;
import cn.anxun.supervision.FindingDraft;
import cn.anxun.supervision.FindingStep;

/** What a finding and a step must hold, which step may follow which, and what the access policy is asked for it. */
final class FindingRules {

    static final int MAX_TEXT = 2000;
    /** A step's text; a sanction's goes into the registration's history after the finding's id, within 500. */
    static final int MAX_STEP_TEXT = 400;

    /** From which statuses an action may be taken, the status it leaves ({@code null}: unchanged), and its kind. */
    private record Transition(Set<Status> from, Status to, Operation operation) {
    }

    private static final Set<Status> UNSETTLED = Set.of(Status.OPEN, Status.ANSWERED);
    private static final Map<Action, Transition> TRANSITIONS = Map.of(
            Action.ANSWER, new Transition(Set.of(Status.OPEN), Status.ANSWERED, Operation.UPDATE),
            Action.REOPEN, new Transition(Set.of(Status.ANSWERED), Status.OPEN, Operation.DECIDE),
            Action.ESCALATE, new Transition(UNSETTLED, null, Operation.DECIDE),
            Action.SUSPEND, new Transition(UNSETTLED, null, Operation.DECIDE),
            Action.REVOKE, new Transition(UNSETTLED, null, Operation.DECIDE),
            Action.CLOSE, new Transition(UNSETTLED, Status.CLOSED, Operation.DECIDE));

    private FindingRules() {
    }

    /** The draft with its text stripped, or 422 naming every broken rule. */
    static FindingDraft checked(FindingDraft draft, LocalDate today) {
        if (draft == null) {
            throw new InvalidInputException("", "required", "a JSON body with the finding is required");
        }
        List<Violation> violations = new ArrayList<>();
        if (draft.subject() == null) {
            violations.add(new Violation("subject", "required", "is one of REGISTRATION, COURSE, CLASS, LEARNER"));
        }
        if (draft.subjectId() == null || draft.subjectId().isBlank() || draft.subjectId().length() > 64) {
            violations.add(new Violation("subjectId", "required", "is the id of the record found against"));
        }
        String text = FreeText.check(violations, "text", draft.text(), MAX_TEXT, true);
        future(violations, draft.deadline(), today);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new FindingDraft(draft.subject(), draft.subjectId().strip(), text, draft.deadline());
    }

    /** The step with its text stripped, or 422 naming every broken rule. */
    static FindingStep checked(FindingStep step, LocalDate today) {
        if (step == null || step.action() == null || !TRANSITIONS.containsKey(step.action())) {
            throw new InvalidInputException("action", "finding-step", "is one of " + TRANSITIONS.keySet().stream()
                    .sorted().map(Enum::name).toList());
        }
        List<Violation> violations = new ArrayList<>();
        String text = FreeText.check(violations, "text", step.text(), MAX_STEP_TEXT, true);
        if (step.action() == Action.REOPEN) {
            future(violations, step.deadline(), today);
        } else if (step.deadline() != null) {
            violations.add(new Violation("deadline", "reopen-only", "is set by REOPEN only"));
        }
        boolean sanction = step.action() == Action.SUSPEND || step.action() == Action.REVOKE;
        if (!sanction && step.registration() != null) {
            violations.add(new Violation("registration", "sanction-only", "is named by SUSPEND and REVOKE only"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new FindingStep(step.action(), text, step.deadline(), step.registration());
    }

    /** What the access policy is asked for the action. */
    static Operation operation(Action action) {
        return TRANSITIONS.get(action).operation();
    }

    /** The status after the action, or 409 if the finding's status does not allow it. */
    static Status next(Action action, Status from) {
        Transition transition = TRANSITIONS.get(action);
        if (!transition.from().contains(from)) {
            throw new ConflictException("A finding that is " + from + " cannot take " + action + "; it can from "
                    + transition.from().stream().sorted().map(Enum::name).toList() + ".");
        }
        return transition.to() == null ? from : transition.to();
    }

    private static void future(List<Violation> violations, LocalDate deadline, LocalDate today) {
        if (deadline == null || !deadline.isAfter(today)) {
            violations.add(new Violation("deadline", "after-today", "is the last day of rectification, after "
                    + today));
        }
    }
}
