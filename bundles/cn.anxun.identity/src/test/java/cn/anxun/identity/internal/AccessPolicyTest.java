package cn.anxun.identity.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.Test;

import cn.anxun.identity.AccessDeniedException;
import cn.anxun.identity.AuthenticationRequiredException;
import cn.anxun.identity.Caller;
import cn.anxun.identity.Operation;
import cn.anxun.identity.Reach;
import cn.anxun.identity.RecordKind;
import cn.anxun.identity.Relation;
import cn.anxun.identity.Role;
import cn.anxun.identity.Scope;

/**
 * The access policy as a full truth table: every kind of record, action and role, against a record in each relation
 * to the caller, decided as {@code access-rules.csv} says; then the rules above the table and the audit of refusals.
 */
public class AccessPolicyTest {

    /** Where a record stands to the caller, and which relations hold there (beyond the region ones). */
    private enum Situation {
        UNRELATED, ABOUT_CALLER, CALLER_INSTITUTION, IN_CALLER_COUNTY, IN_CALLER_CITY, PUBLISHED
    }

    private final List<String> audited = new ArrayList<>();
    private final AccessPolicyImpl policy = new AccessPolicyImpl((caller, action, target, region, reason) ->
            audited.add(String.join(" ", caller.accountId(), action, String.valueOf(target), String.valueOf(region),
                    "denied", String.valueOf(reason))));

    @Test
    public void decidesEveryKindActionAndRoleAsTheTableSays() throws IOException {
        Map<String, Map<Role, Relation>> table = table();
        int decisions = 0;
        for (RecordKind kind : RecordKind.values()) {
            for (Operation action : Operation.values()) {
                Map<Role, Relation> granted = table.getOrDefault(kind + "," + action, Map.of());
                for (Role role : Role.values()) {
                    for (Situation situation : Situation.values()) {
                        Relation grant = granted.get(role);
                        boolean expected = grant != null && holding(role, situation).contains(grant);
                        assertEquals(kind + " " + action + " " + role + " " + situation, expected,
                                policy.allows(caller(role), action, scope(kind, situation)));
                        decisions++;
                    }
                }
            }
        }
        assertEquals(RecordKind.values().length * Operation.values().length * Role.values().length
                * Situation.values().length, decisions);
        assertTrue("allows decides and writes nothing", audited.isEmpty());
    }

    @Test
    public void theSecurityPageShowsTheSameTable() throws IOException {
        List<String> rules;
        try (BufferedReader in = rules()) {
            rules = in.lines().toList();
        }
        List<String> shown = Files.readAllLines(Path.of(System.getProperty("basedir", "."), "../../docs/security.md"))
                .stream().dropWhile(line -> !line.startsWith("| kind | operation |"))
                .takeWhile(line -> line.startsWith("|")).filter(line -> !line.startsWith("| ---"))
                .map(line -> Arrays.stream(line.substring(1, line.length() - 1).split("\\|", -1)).map(String::strip)
                        .collect(Collectors.joining(",")))
                .toList();
        assertEquals(rules, shown);
    }

    @Test
    public void aOneTimePasswordAllowsNothingAndIsAudited() {
        Caller operator = new Caller("o", "o", Set.of(Role.OPERATOR), null, null, "s", "r", true);
        Scope learner = Scope.learner(RecordKind.LEARNER, "l-1", "inst-a", "440106");
        assertFalse(policy.allows(operator, Operation.READ, learner));
        AccessDeniedException refused = assertThrows(AccessDeniedException.class,
                () -> policy.require(operator, Operation.READ, learner));
        assertTrue(refused.getMessage(), refused.getMessage().contains("one-time password"));
        assertEquals(List.of("o learner.read learner:l-1 440106 denied one-time password"), audited);
        assertThrows(AccessDeniedException.class, () -> policy.reach(operator, Operation.READ, RecordKind.LEARNER));
    }

    @Test
    public void anAnonymousCallerIsToldToLogInAndNotAudited() {
        assertThrows(AuthenticationRequiredException.class, () -> policy.require(Caller.anonymous("r"), Operation.READ,
                Scope.learner(RecordKind.LEARNER, "l-1", "inst-a", "440106")));
        assertThrows(AuthenticationRequiredException.class,
                () -> policy.reach(Caller.anonymous("r"), Operation.READ, RecordKind.LEARNER));
        assertEquals(List.of(), audited);
    }

    @Test
    public void aRefusalIsAuditedWithTheRecordsTargetAndRegionAndSaysWhoMay() {
        Caller staff = new Caller("s", "s", Set.of(Role.INSTITUTION_STAFF), null, "inst-b", "s", "r");
        AccessDeniedException refused = assertThrows(AccessDeniedException.class, () -> policy.require(staff,
                Operation.UPDATE, Scope.learner(RecordKind.PASSWORD, "l-1", "inst-a", "440106")));
        assertEquals("Your roles [INSTITUTION_STAFF], region and institution do not let you update this password "
                + "record; it is open to OPERATOR, INSTITUTION_ADMIN of its institution.", refused.getMessage());
        assertEquals(List.of("s password.update learner:l-1 440106 denied null"), audited);
    }

    @Test
    public void nobodyDecidesOnTheirOwnInstitution() {
        Caller both = new Caller("c", "c", Set.of(Role.CITY_REGULATOR, Role.INSTITUTION_ADMIN), "440100", "inst-a",
                "s", "r");
        Scope own = Scope.institution(RecordKind.REGISTRATION, "g-1", "inst-a", List.of("440100"));
        Scope other = Scope.institution(RecordKind.REGISTRATION, "g-2", "inst-b", List.of("440100"));
        assertTrue(policy.allows(both, Operation.DECIDE, other));
        assertTrue("still reads it", policy.allows(both, Operation.READ, own));
        assertThrows(AccessDeniedException.class, () -> policy.require(both, Operation.DECIDE, own));
        assertEquals(List.of("c registration.decide registration:g-1 440100 denied own institution"), audited);
    }

    @Test
    public void rolesHeldTogetherGrantWhatEitherGrants() {
        Caller both = new Caller("c", "c", Set.of(Role.CITY_REGULATOR, Role.INSTITUTION_STAFF), "440100", "inst-a",
                "s", "r");
        assertTrue("as regulator", policy.allows(both, Operation.READ,
                Scope.institution(RecordKind.MEDIA, "m-1", "inst-b", List.of("440100"))));
        assertTrue("as staff", policy.allows(both, Operation.READ,
                Scope.institution(RecordKind.MEDIA, "m-2", "inst-a", List.of("440300"))));
        assertEquals(EnumSet.of(Relation.OWN_INSTITUTION, Relation.IN_REGION_OR_ITS_CITY),
                policy.reach(both, Operation.READ, RecordKind.MEDIA).relations());
    }

    @Test
    public void anInstitutionRegisteredNowhereIsTheProvinces() {
        Scope unregistered = Scope.institution(RecordKind.COURSE, "c-1", "inst-a", List.of());
        assertTrue(policy.allows(caller(Role.PROVINCE_REGULATOR), Operation.READ, unregistered));
        assertFalse(policy.allows(caller(Role.CITY_REGULATOR), Operation.READ, unregistered));
        assertFalse(policy.allows(caller(Role.COUNTY_REGULATOR), Operation.READ, unregistered));
    }

    @Test
    public void reachSelectsARegionAndTheProvinceWhole() {
        Map<Relation, String> paths = Map.of(Relation.IN_REGION, "e.region");
        Reach.Condition city = policy.reach(caller(Role.CITY_REGULATOR), Operation.READ, RecordKind.ENROLMENT)
                .condition(paths);
        assertEquals("(e.region LIKE :reachRegion)", city.jpql());
        assertEquals(Map.of("reachRegion", "4401%"), city.parameters());
        Reach.Condition province = policy.reach(caller(Role.PROVINCE_REGULATOR), Operation.READ,
                RecordKind.ENROLMENT).condition(paths);
        assertEquals("1 = 1", province.jpql());
        assertEquals(Map.of(), province.parameters());
    }

    @Test
    public void reachRefusesAndAuditsARoleWithNoGrant() {
        assertThrows(AccessDeniedException.class, () -> policy.reach(caller(Role.AUDITOR), Operation.READ,
                RecordKind.LEARNER));
        assertEquals(List.of("AUDITOR learner.read null null denied null"), audited);
    }

    /** A caller of one role, bound as staff of that role are: regulators of 广州 (440100) and its 天河区 (440106). */
    private static Caller caller(Role role) {
        String region = switch (role) {
            case PROVINCE_REGULATOR -> "440000";
            case CITY_REGULATOR, FEED_READER -> "440100";
            case COUNTY_REGULATOR, LEARNER -> "440106";
            default -> null;
        };
        String institution = role.binding() == Role.Binding.INSTITUTION || role == Role.LEARNER ? "inst-a" : null;
        return new Caller(role.name(), role.name(), Set.of(role), region, institution, "s", "r");
    }

    /**
     * A record that stands to {@link #caller} as the situation says; 440305 (深圳 南山区) is in no caller's region but
     * the province's.
     */
    private static Scope scope(RecordKind kind, Situation situation) {
        Set<String> subjects = situation == Situation.ABOUT_CALLER ? Set.copyOf(List.of(Role.values()).stream()
                .map(Role::name).toList()) : Set.of("someone");
        String institution = situation == Situation.CALLER_INSTITUTION ? "inst-a" : "inst-b";
        String region = switch (situation) {
            case IN_CALLER_COUNTY -> "440106";
            case IN_CALLER_CITY -> "440100";
            default -> "440305";
        };
        return new Scope(kind, kind.label() + ":x", subjects, Set.of(institution), Set.of(region),
                situation == Situation.PUBLISHED);
    }

    /** The relations that hold between {@link #caller} of the role and the {@link #scope} of the situation. */
    private static Set<Relation> holding(Role role, Situation situation) {
        Set<Relation> holding = EnumSet.of(Relation.ANY);
        if (situation != Situation.ABOUT_CALLER) {
            holding.add(Relation.OTHER);
        }
        String region = caller(role).regionCode();
        if ("440000".equals(region)) {
            holding.addAll(List.of(Relation.IN_REGION, Relation.IN_REGION_OR_ITS_CITY));
        }
        switch (situation) {
            case ABOUT_CALLER -> holding.add(Relation.SELF);
            case CALLER_INSTITUTION -> {
                if (caller(role).institutionId() != null) {
                    holding.add(Relation.OWN_INSTITUTION);
                }
            }
            case IN_CALLER_COUNTY -> {
                if (region != null) {
                    holding.addAll(List.of(Relation.IN_REGION, Relation.IN_REGION_OR_ITS_CITY));
                }
            }
            case IN_CALLER_CITY -> {
                if (region != null) {
                    holding.add(Relation.IN_REGION_OR_ITS_CITY);
                }
                if ("440100".equals(region)) {
                    holding.add(Relation.IN_REGION);
                }
            }
            case PUBLISHED -> holding.add(Relation.PUBLISHED);
            default -> {
            }
        }
        return holding;
    }

    private static BufferedReader rules() {
        return new BufferedReader(new InputStreamReader(AccessPolicyTest.class.getResourceAsStream(
                "/access-rules.csv"), StandardCharsets.UTF_8));
    }

    /** {@code access-rules.csv}: per kind and action, the relation each role is granted in, if any. */
    private static Map<String, Map<Role, Relation>> table() throws IOException {
        Map<String, Map<Role, Relation>> table = new HashMap<>();
        try (BufferedReader in = rules()) {
            String[] header = in.readLine().split(",", -1);
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] cells = line.split(",", -1);
                assertEquals(line, header.length, cells.length);
                Map<Role, Relation> grants = new HashMap<>();
                for (int i = 2; i < cells.length; i++) {
                    if (!cells[i].isEmpty()) {
                        grants.put(Role.valueOf(header[i]), Relation.valueOf(cells[i]));
                    }
                }
                assertEquals("listed once: " + line, null, table.put(RecordKind.valueOf(cells[0]) + ","
                        + Operation.valueOf(cells[1]), grants));
            }
        }
        return table;
    }
}
