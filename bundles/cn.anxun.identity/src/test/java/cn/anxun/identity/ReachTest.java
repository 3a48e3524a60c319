package cn.anxun.identity;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.Test;

public class ReachTest {

    private static final Caller COUNTY = new Caller("c", "c", Set.of(Role.COUNTY_REGULATOR), "440103", null, "s",
            "r");

    @Test
    public void aPathIsComparedWithTheCallersRegionAndItsCity() {
        Reach.Condition condition = new Reach(COUNTY, Set.of(Relation.IN_REGION_OR_ITS_CITY)).condition(Map.of(
                Relation.IN_REGION_OR_ITS_CITY, "c.city"));
        assertEquals("((c.city LIKE :reachRegion OR c.city = :reachCity))", condition.jpql());
        assertEquals(Map.of("reachRegion", "440103%", "reachCity", "440100"), condition.parameters());
    }

    @Test
    public void anExpressionBindsOnlyTheParametersItNames() {
        int[] lookups = {0};
        Supplier<Object> institutions = () -> {
            lookups[0]++;
            return Set.of("inst-a");
        };
        Reach.Condition condition = new Reach(COUNTY, Set.of(Relation.IN_REGION_OR_ITS_CITY)).condition(Map.of(
                Relation.IN_REGION_OR_ITS_CITY, "c.institutionId IN :supervised"), Map.of("supervised", institutions,
                        "supervisedToo", institutions));
        assertEquals("((c.institutionId IN :supervised))", condition.jpql());
        assertEquals(Map.of("supervised", Set.of("inst-a")), condition.parameters());
        assertEquals("looked up once, for the parameter named", 1, lookups[0]);
    }

    @Test
    public void noValueIsLookedUpWhenEveryRecordIsInReach() {
        Supplier<Object> never = () -> {
            throw new AssertionError("looked up");
        };
        Caller province = new Caller("p", "p", Set.of(Role.PROVINCE_REGULATOR), Regions.PROVINCE, null, "s", "r");
        Reach.Condition condition = new Reach(province, Set.of(Relation.IN_REGION_OR_ITS_CITY)).condition(Map.of(
                Relation.IN_REGION_OR_ITS_CITY, "c.institutionId IN :supervised"), Map.of("supervised", never));
        assertEquals("1 = 1", condition.jpql());
        assertEquals(Map.of(), condition.parameters());
    }

    @Test
    public void relationsAreAlternativesAndAPublishedOneIsAnExpression() {
        Caller learner = new Caller("l", "l", Set.of(Role.LEARNER), "440103", null, "s", "r");
        Reach.Condition condition = new Reach(learner, EnumSet.of(Relation.SELF, Relation.PUBLISHED)).condition(
                Map.of(Relation.SELF, "r.learnerId", Relation.PUBLISHED, "c.status = :online"),
                Map.of("online", () -> "ONLINE"));
        assertEquals(Set.of("r.learnerId = :reachSelf", "(c.status = :online)"), Set.of(condition.jpql()
                .substring(1, condition.jpql().length() - 1).split(" OR ")));
        assertEquals(Map.of("reachSelf", "l", "online", "ONLINE"), condition.parameters());
    }

    @Test
    public void aRelationWithoutAPathIsAnError() {
        Reach reach = new Reach(COUNTY, Set.of(Relation.IN_REGION));
        assertThrows(IllegalStateException.class, () -> reach.condition(Map.of(Relation.SELF, "r.learnerId")));
    }
}
