package cn.anxun.signon.oidc.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;

import cn.anxun.api.identity.SignOnException;
import cn.anxun.api.identity.SignedOnStaff;

public class ClaimMappingTest {

    private static final String[] ROLES = {"city-regulator=CITY_REGULATOR@region", "gd-operator=OPERATOR",
        "gz-bureau=CITY_REGULATOR@440100", "trainer=INSTITUTION_STAFF@institution"};

    @Test
    public void rolesComeOnlyFromMappedValuesOfTheRoleClaim() throws SignOnException {
        SignedOnStaff staff = mapping(ROLES).staff(Map.of("sub", "s1", "preferred_username", "li.na", "name", "李娜",
                "realm_access", Map.of("roles", List.of("gd-operator", "PLATFORM_ADMIN", "offline_access")),
                "roles", List.of("PLATFORM_ADMIN"), "region_code", "440100"), "s1", "sid-1", "kept");
        assertEquals(Set.of("OPERATOR"), staff.roles());
        assertEquals("li.na", staff.username());
        assertEquals("李娜", staff.displayName());
        assertNull("no mapped role reads the region claim", staff.regionCode());
        assertEquals("sid-1", staff.providerSession());
    }

    @Test
    public void aRegionComesFromTheMappingOrFromTheClaimOnlyWhereTheMappingSaysSo() throws SignOnException {
        Map<String, Object> claims = Map.of("realm_access", Map.of("roles", List.of("gz-bureau")),
                "region_code", "440300");
        assertEquals("440100", mapping(ROLES).staff(claims, "s", null, "k").regionCode());
        assertEquals("440300", mapping(ROLES).staff(Map.of("realm_access", Map.of("roles", "city-regulator"),
                "region_code", "440300"), "s", null, "k").regionCode());
    }

    @Test
    public void aMissingOrConflictingBindingIsRefused() {
        SignOnException missing = assertThrows(SignOnException.class, () -> mapping(ROLES).staff(Map.of(
                "realm_access", Map.of("roles", List.of("city-regulator"))), "s", null, "k"));
        assertEquals("missing-region", missing.reason());
        SignOnException conflicting = assertThrows(SignOnException.class, () -> mapping(ROLES).staff(Map.of(
                "realm_access", Map.of("roles", List.of("city-regulator", "gz-bureau")), "region_code", "440300"),
                "s", null, "k"));
        assertEquals("conflicting-region", conflicting.reason());
    }

    @Test
    public void entriesThatDoNotReadOrNeedAnUnconfiguredClaimAreRefusedAtActivation() {
        IllegalArgumentException malformed = assertThrows(IllegalArgumentException.class,
                () -> mapping(new String[] {"operator"}));
        assertTrue(malformed.getMessage(), malformed.getMessage().contains("value=ROLE"));
        IllegalArgumentException unconfigured = assertThrows(IllegalArgumentException.class, () -> ClaimMapping.of(
                config(Map.of("roles", new String[] {"x=INSTITUTION_STAFF@institution"}, "institutionClaim", ""))));
        assertTrue(unconfigured.getMessage(), unconfigured.getMessage().contains("institutionClaim"));
    }

    private static ClaimMapping mapping(String[] roles) {
        return ClaimMapping.of(config(Map.of("roles", roles, "roleClaim", "realm_access.roles", "regionClaim",
                "region_code", "institutionClaim", "institution_id")));
    }

    static OidcConfig config(Map<String, Object> values) {
        return (OidcConfig) Proxy.newProxyInstance(OidcConfig.class.getClassLoader(), new Class<?>[] {OidcConfig.class},
                (proxy, method, args) -> values.getOrDefault(method.getName(), method.getDefaultValue()));
    }
}
