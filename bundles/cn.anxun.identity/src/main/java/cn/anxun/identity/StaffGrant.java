package cn.anxun.identity;

import java.util.Set;

/**
 * Roles given to a staff account and what they are bound to: regulators to a GB/T 2260 region (the province, a
 * city or a county, matching the role), institution staff to an institution.
 */
public record StaffGrant(Set<Role> roles, String regionCode, String institutionId) {
}
