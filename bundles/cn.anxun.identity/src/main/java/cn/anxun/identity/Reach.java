package cn.anxun.identity;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.Query;

/**
 * The records of a kind a caller may act on, as the relations they may stand in: what a list query selects.
 *
 * @param caller who asks
 * @param relations the relations any one of which lets the caller act on a record
 * @since 2.0
 */
public record Reach(Caller caller, Set<Relation> relations) {

    public Reach {
        relations = relations.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(relations));
    }

    /** Whether every record of the kind is in reach. */
    public boolean all() {
        return relations.contains(Relation.ANY);
    }

    /**
     * The same reach with a region's city narrowed to the region: for records of learners, who lie in a county, where
     * a county's reach to its city's classes and institutions must not reach the city's other learners.
     *
     * @since 2.4
     */
    public Reach withinRegion() {
        return new Reach(caller, relations.stream().map(relation -> relation == Relation.IN_REGION_OR_ITS_CITY
                ? Relation.IN_REGION : relation).collect(Collectors.toSet()));
    }

    /**
     * A JPQL condition that selects the records in reach, with the parameters it needs.
     *
     * @param paths for each relation the list can select by, the path it compares: the subject's account for
     *        {@link Relation#SELF} and {@link Relation#OTHER}, the institution, the region code; for
     *        {@link Relation#PUBLISHED} a whole boolean expression, and for {@link Relation#SELF} one that names the
     *        caller's account {@code :reachSelf} when the subject is not a path of the record (since 2.5)
     * @throws IllegalStateException if the caller is granted a relation the paths do not say how to select
     */
    public Condition condition(Map<Relation, String> paths) {
        if (all()) {
            return new Condition("1 = 1", Map.of());
        }
        List<String> any = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (Relation relation : relations) {
            String path = paths.get(relation);
            if (path == null) {
                throw new IllegalStateException("the list does not say how to select records by " + relation);
            }
            if ((relation == Relation.IN_REGION || relation == Relation.IN_REGION_OR_ITS_CITY)
                    && Regions.PROVINCE.equals(caller.regionCode())) {
                // the province covers every record, those that lie in no city too: no condition a plan must weigh
                return new Condition("1 = 1", Map.of());
            }
            switch (relation) {
                case SELF -> any.add(path.contains(":reachSelf") ? "(" + path + ")" : path + " = :reachSelf");
                case OTHER -> any.add(path + " <> :reachSelf");
                case OWN_INSTITUTION -> {
                    any.add(path + " = :reachInstitution");
                    parameters.put("reachInstitution", String.valueOf(caller.institutionId()));
                }
                case IN_REGION -> any.add(path + " LIKE :reachRegion");
                case IN_REGION_OR_ITS_CITY -> {
                    any.add("(" + path + " LIKE :reachRegion OR " + path + " = :reachCity)");
                    parameters.put("reachCity", Regions.cityOf(caller.regionCode()));
                }
                case PUBLISHED -> any.add("(" + path + ")");
                default -> throw new IllegalStateException(relation.name());
            }
            if (relation == Relation.SELF || relation == Relation.OTHER) {
                parameters.put("reachSelf", caller.accountId());
            }
            if (relation == Relation.IN_REGION || relation == Relation.IN_REGION_OR_ITS_CITY) {
                parameters.put("reachRegion", Regions.isCode(caller.regionCode())
                        ? Regions.prefix(caller.regionCode()) + "%" : "none");
            }
        }
        return new Condition("(" + String.join(" OR ", any) + ")", parameters);
    }

    /** A JPQL condition and the named parameters it uses. */
    public record Condition(String jpql, Map<String, Object> parameters) {

        public Condition {
            parameters = Map.copyOf(parameters);
        }

        /** Sets the condition's parameters on a query that uses it. */
        public <Q extends Query> Q bind(Q query) {
            parameters.forEach(query::setParameter);
            return query;
        }
    }
}
