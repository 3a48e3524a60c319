package cn.anxun.identity;

import java.time.Instant;
import java.util.Set;

/**
 * A staff account: a user name, roles and what those roles are bound to; {@code disabledAt} and its reason are set
 * while the account is disabled.
 */
public record StaffAccount(String id, String username, String displayName, Set<Role> roles, String regionCode,
        String institutionId, Instant createdAt, Instant lockedUntil, Instant disabledAt, String disabledReason) {
}
