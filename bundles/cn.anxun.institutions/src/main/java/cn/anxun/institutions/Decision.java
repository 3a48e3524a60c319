package cn.anxun.institutions;

/**
 * A city regulator's step on a registration.
 *
 * @param action one of APPROVE, REJECT, SUSPEND, REINSTATE, REVOKE
 * @param reason required for every action but APPROVE
 */
public record Decision(Registration.Action action, String reason) {
}
