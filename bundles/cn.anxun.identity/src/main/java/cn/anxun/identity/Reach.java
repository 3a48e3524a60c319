package cn.anxun.identity;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
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
        return condition(paths, Map.of());
    }

    /**
     * A JPQL condition that selects the records in reach, where a relation is not a path of the record but a query
     * of its own: a path that names a parameter (a colon) is a whole boolean expression. It may name the caller's
     * {@code :reachSelf}, {@code :reachInstitution}, {@code :reachRegion} (the region's codes, a {@code LIKE}
     * pattern) and {@code :reachCity}, and the parameters of {@code values}.
     *
     * @param paths as for {@link #condition(Map)}, or expressions
     * @param values the other parameters' values, each looked up only if the condition names it
     * @throws IllegalStateException if the caller is granted a relation the paths do not say how to select
     * @since 2.6
     */
    public Condition condition(Map<Relation, String> paths, Map<String, Supplier<?>> values) {
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
            any.add(path.contains(":") || relation == Relation.PUBLISHED ? "(" + path + ")" : switch (relation) {
                case SELF -> path + " = :reachSelf";
                case OTHER -> path + " <> :reachSelf";
                case OWN_INSTITUTION -> path + " = :reachInstitution";
                case IN_REGION -> path + " LIKE :reachRegion";
                case IN_REGION_OR_ITS_CITY -> "(" + path + " LIKE :reachRegion OR " + path + " = :reachCity)";
                default -> throw new IllegalStateException(relation.name());
            });
        }
        String jpql = "(" + String.join(" OR ", any) + ")";
        Map<String, Supplier<?>> known = new LinkedHashMap<>(values);
        known.put("reachSelf", caller::accountId);
        known.put("reachInstitution", () -> String.valueOf(caller.institutionId()));
        known.put("reachRegion", () -> Regions.isCode(caller.regionCode()) ? Regions.prefix(caller.regionCode()) + "%"
                : "none");
        known.put("reachCity", () -> Regions.cityOf(caller.regionCode()));
        known.forEach((name, value) -> {
            if (Pattern.compile(":" + name + "\\b").matcher(jpql).find()) {
                parameters.put(name, value.get());
            }
        });
        return new Condition(jpql, parameters);
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
