package cn.anxun.identity;

import java.time.Instant;

/**
 * One row of the audit log.
 *
 * @param seq position in the log, increasing
 * @param actor account id of who acted, or the user name given at a failed login, or {@code anonymous}
 * @param role the actor's role
 * @param action what was done, e.g. {@code login.failed}, {@code personal-data.read}
 * @param target what it was done to, e.g. {@code learner:…}
 * @param region the region of the target, where it has one
 * @param outcome {@code success}, {@code denied} or {@code failure}
 * @param requestId the request it happened in
 * @param detail a short free text; never personal data
 */
public record AuditEntry(long seq, Instant at, String actor, String role, String action, String target,
        String region, String outcome, String requestId, String detail) {
}
