package cn.anxun.signon.oidc.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.anxun.api.identity.SignOnException;
import cn.anxun.api.identity.SignedOnStaff;

/**
 * The configured reading of an ID token's claims: which claim names the person, which holds their roles, and which
 * role values give which platform roles and bindings. A claim the configuration does not name is never read, and a
 * region or institution claim only for the roles mapped to take their binding from it.
 */
final class ClaimMapping {

    private static final Pattern ENTRY = Pattern.compile("(.+)=([A-Z_]+)(?:@(region|institution|\\d{6}))?");

    /** Where a mapped role takes its binding from. */
    private record Mapped(String role, String binding) {
    }

    private final String usernameClaim;
    private final String nameClaim;
    private final String roleClaim;
    private final String regionClaim;
    private final String institutionClaim;
    private final Map<String, List<Mapped>> byValue;

    private ClaimMapping(OidcConfig config, Map<String, List<Mapped>> byValue) {
        this.usernameClaim = config.usernameClaim();
        this.nameClaim = config.nameClaim();
        this.roleClaim = config.roleClaim();
        this.regionClaim = config.regionClaim();
        this.institutionClaim = config.institutionClaim();
        this.byValue = byValue;
    }

    /** @throws IllegalArgumentException naming the entry that does not read, or the claim it needs */
    static ClaimMapping of(OidcConfig config) {
        Map<String, List<Mapped>> byValue = new HashMap<>();
        for (String entry : Arrays.stream(config.roles()).flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip).filter(entry -> !entry.isEmpty()).toList()) {
            Matcher m = ENTRY.matcher(entry);
            if (!m.matches()) {
                throw new IllegalArgumentException("roles entry '" + entry + "' is not value=ROLE[@region|"
                        + "@institution|@<6-digit code>]");
            }
            String binding = m.group(3);
            if ("region".equals(binding) && config.regionClaim().isBlank()
                    || "institution".equals(binding) && config.institutionClaim().isBlank()) {
                throw new IllegalArgumentException("roles entry '" + entry + "' takes its " + binding + " from a "
                        + "claim, but " + binding + "Claim is not configured");
            }
            byValue.computeIfAbsent(m.group(1).strip(), v -> new ArrayList<>()).add(new Mapped(m.group(2), binding));
        }
        return new ClaimMapping(config, byValue);
    }

    /**
     * @param claims the claims of an ID token that was checked
     * @param session what the plugin keeps for this login
     */
    SignedOnStaff staff(Map<String, Object> claims, String subject, String providerSession, String session)
            throws SignOnException {
        Set<String> roles = new LinkedHashSet<>();
        String region = null;
        String institution = null;
        for (String value : strings(read(claims, roleClaim))) {
            for (Mapped mapped : byValue.getOrDefault(value, List.of())) {
                roles.add(mapped.role());
                if ("institution".equals(mapped.binding())) {
                    institution = one("institution", institution, text(claims, institutionClaim));
                } else if (mapped.binding() != null) {
                    region = one("region", region, "region".equals(mapped.binding()) ? text(claims, regionClaim)
                            : mapped.binding());
                }
            }
        }
        return new SignedOnStaff(subject, text(claims, usernameClaim), text(claims, nameClaim), roles, region,
                institution, providerSession, session);
    }

    private static String one(String what, String before, String value) throws SignOnException {
        if (value == null) {
            throw new SignOnException("missing-" + what, "The provider's roles need a " + what + " its token does "
                    + "not give.");
        }
        if (before != null && !before.equals(value)) {
            throw new SignOnException("conflicting-" + what, "The provider's roles bind to two " + what + "s, "
                    + before + " and " + value + ".");
        }
        return value;
    }

    /** The claim at a dotted path, or null. */
    private static Object read(Map<String, Object> claims, String path) {
        Object value = claims;
        for (String step : path.split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(step) : null;
        }
        return value;
    }

    private static String text(Map<String, Object> claims, String path) {
        Object value = path.isBlank() ? null : read(claims, path);
        return value instanceof String text && !text.isBlank() ? text.strip() : null;
    }

    private static Collection<String> strings(Object value) {
        if (value instanceof String text) {
            return List.of(text);
        }
        if (value instanceof Collection<?> values) {
            return values.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }
}
