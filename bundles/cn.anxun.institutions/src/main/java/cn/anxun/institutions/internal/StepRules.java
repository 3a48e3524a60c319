package cn.anxun.institutions.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cn.anxun.identity.ConflictException;
import cn.anxun.identity.CreditCode;
import cn.anxun.identity.FreeText;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.Violation;
import cn.anxun.institutions.Decision;
import cn.anxun.institutions.Intent;
import cn.anxun.institutions.Registration.Action;
import cn.anxun.institutions.Registration.Status;

/** What an intent must hold, and which step may follow which. */
final class StepRules {

    static final int MAX_REASON = 500;

    private record Transition(Set<Status> from, Status to) {
    }

    private static final Map<Action, Transition> TRANSITIONS = Map.of(
            Action.APPROVE, new Transition(Set.of(Status.SUBMITTED), Status.REGISTERED),
            Action.REJECT, new Transition(Set.of(Status.SUBMITTED), Status.REJECTED),
            Action.SUSPEND, new Transition(Set.of(Status.REGISTERED), Status.SUSPENDED),
            Action.REINSTATE, new Transition(Set.of(Status.SUSPENDED), Status.REGISTERED),
            Action.REVOKE, new Transition(Set.of(Status.REGISTERED, Status.SUSPENDED), Status.REVOKED));

    private StepRules() {
    }

    /** The intent stripped, its credit code in upper case, or 422 naming every broken rule. */
    static Intent checked(Intent intent) {
        if (intent == null) {
            throw new InvalidInputException("", "required", "a JSON body with the intent is required");
        }
        Intent normalised = new Intent(strip(intent.institutionName()),
                intent.creditCode() == null ? null : intent.creditCode().strip().toUpperCase(Locale.ROOT),
                strip(intent.letterId()));
        List<Violation> violations = new ArrayList<>();
        FreeText.check(violations, "institutionName", normalised.institutionName(), 100, true);
        CreditCode.check("creditCode", normalised.creditCode()).ifPresent(violations::add);
        if (normalised.letterId() == null || normalised.letterId().isEmpty()) {
            violations.add(new Violation("letterId", "required", "is the id of the written intent uploaded to "
                    + "POST /api/v1/institutions/{institutionId}/letters"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return normalised;
    }

    /** The decision with its reason stripped, or 422: every step but an approval needs a reason. */
    static Decision checked(Decision decision) {
        if (decision == null || decision.action() == null || !TRANSITIONS.containsKey(decision.action())) {
            throw new InvalidInputException("action", "one-of", "must be one of " + TRANSITIONS.keySet().stream()
                    .sorted().toList());
        }
        String reason = strip(decision.reason());
        if (reason != null && reason.isEmpty()) {
            reason = null;
        }
        if (reason == null && decision.action() != Action.APPROVE) {
            throw new InvalidInputException("reason", "required", "is required to " + verb(decision.action())
                    + " a registration; it is kept in its history and told to the institution");
        }
        List<Violation> violations = new ArrayList<>();
        FreeText.check(violations, "reason", reason, MAX_REASON, false);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new Decision(decision.action(), reason);
    }

    /** The status the step leads to, or 409 if the registration is not in a status it can be taken from. */
    static Status next(Status current, Action action) {
        Transition transition = TRANSITIONS.get(action);
        if (!transition.from().contains(current)) {
            throw new ConflictException("The registration is " + current + "; only a registration that is "
                    + transition.from().stream().sorted().toList() + " can be asked to " + verb(action) + ".");
        }
        return transition.to();
    }

    static String verb(Action action) {
        return action.name().toLowerCase(Locale.ROOT);
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
