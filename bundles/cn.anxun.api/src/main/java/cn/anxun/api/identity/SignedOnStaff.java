package cn.anxun.api.identity;

import java.util.Objects;
import java.util.Set;

/**
 * A staff member as an identity provider vouches for them, mapped to the platform's terms.
 *
 * @param subject the provider's stable identifier of the person, unique at the provider
 * @param username the platform user name to give a new account (3 to 32 lower-case letters, digits, '.', '-', '_')
 * @param displayName the name shown to others
 * @param roles platform role names, e.g. {@code CITY_REGULATOR}, mapped only from what the configuration names
 * @param regionCode the GB/T 2260 region a regulator role is bound to, or null
 * @param institutionId the institution an institution role is bound to, or null
 * @param providerSession the provider's identifier of its session, for a back-channel sign-out, or null
 * @param session what the plugin needs to renew and end this login (tokens): the platform keeps it sealed
 * @since 1.1
 */
public record SignedOnStaff(String subject, String username, String displayName, Set<String> roles,
        String regionCode, String institutionId, String providerSession, String session) {

    public SignedOnStaff {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(session, "session");
        roles = Set.copyOf(roles);
    }
}
