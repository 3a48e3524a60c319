package cn.anxun.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

/**
 * A page of one kind of record that a caller may read, newest first: the policy's condition, the filters the request
 * names, then the rows after the position the page before gave. Rows are ordered by a time in milliseconds and then
 * by id, both descending, so a page never repeats or skips a row written meanwhile at an older position.
 *
 * @param <T> the entity listed
 * @since 2.3
 */
public final class NewestFirst<T> {

    private final Class<T> type;
    private final String alias;
    private final String time;
    private final StringBuilder jpql;
    private final Map<String, Object> parameters;
    private int limit = 1;

    /**
     * Rows of the entity {@code type}, called {@code alias} in the conditions, ordered by its field {@code time}.
     *
     * @param reached what the caller may read, with paths on the alias
     */
    public NewestFirst(Class<T> type, String alias, String time, Reach.Condition reached) {
        this.type = type;
        this.alias = alias;
        this.time = alias + "." + time;
        this.jpql = new StringBuilder("SELECT ").append(alias).append(" FROM ").append(type.getSimpleName())
                .append(' ').append(alias).append(" WHERE ").append(reached.jpql());
        this.parameters = new LinkedHashMap<>(reached.parameters());
    }

    /** Only rows whose field at {@code path} equals the value; no condition when the value is null. */
    public NewestFirst<T> equal(String path, Object value) {
        return compared(path, "=", value);
    }

    /**
     * Only rows whose field at {@code path} is at least the value; no condition when the value is null.
     *
     * @since 2.5
     */
    public NewestFirst<T> atLeast(String path, Object value) {
        return compared(path, ">=", value);
    }

    /**
     * Only rows whose field at {@code path} is at most the value; no condition when the value is null.
     *
     * @since 2.5
     */
    public NewestFirst<T> atMost(String path, Object value) {
        return compared(path, "<=", value);
    }

    private NewestFirst<T> compared(String path, String operator, Object value) {
        if (value == null) {
            return this;
        }
        String name = unusedName();
        return where(path + " " + operator + " :" + name, Map.of(name, value));
    }

    /**
     * Only rows in the region or its parts, the region's code at {@code path}; no condition for null or the province.
     *
     * @throws InvalidInputException naming {@code region} if it is not a region of Guangdong
     */
    public NewestFirst<T> inRegion(String path, String region) {
        if (region == null || Regions.PROVINCE.equals(Regions.inGuangdong("region", region))) {
            return this;
        }
        return where(path + " LIKE :" + unusedName(), Map.of(unusedName(), Regions.prefix(region) + "%"));
    }

    /**
     * Only rows of the city the region is or lies in, the city's code at {@code path}: for records that lie in a city,
     * which a county's filter selects by its city; no condition for null or the province.
     *
     * @throws InvalidInputException naming {@code region} if it is not a region of Guangdong
     * @since 2.5
     */
    public NewestFirst<T> inCityOf(String path, String region) {
        return inRegion(path, region == null ? null : Regions.cityOf(Regions.inGuangdong("region", region)));
    }

    /** Only rows meeting the condition, with the values of its named parameters (names other than {@code p0}…). */
    public NewestFirst<T> where(String condition, Map<String, Object> values) {
        jpql.append(" AND (").append(condition).append(')');
        parameters.putAll(values);
        return this;
    }

    /**
     * The page's size.
     *
     * @throws InvalidInputException naming {@code limit} outside 1 to {@code max}
     */
    public NewestFirst<T> limit(int rows, int max) {
        if (rows < 1 || rows > max) {
            throw new InvalidInputException("limit", "range", "is 1 to " + max);
        }
        limit = rows;
        return this;
    }

    /**
     * Only rows after the position, when there is one.
     *
     * @throws InvalidInputException naming {@code after} if it is not a position a page gave
     */
    public NewestFirst<T> after(String position) {
        if (position == null) {
            return this;
        }
        PagePosition after = PagePosition.of(position);
        String at = unusedName();
        parameters.put(at, after.firstNumber());
        String id = unusedName();
        parameters.put(id, after.second());
        jpql.append(" AND (").append(time).append(" < :").append(at).append(" OR (").append(time).append(" = :")
                .append(at).append(" AND ").append(alias).append(".id < :").append(id).append("))");
        return this;
    }

    /** A parameter name not taken yet. */
    private String unusedName() {
        return "p" + parameters.size();
    }

    /**
     * Reads the page.
     *
     * @param timeOf the time of a row, in the field the list is ordered by
     * @param idOf the id of a row
     */
    public Page<T> read(EntityManager em, ToLongFunction<T> timeOf, Function<T, String> idOf) {
        TypedQuery<T> query = em.createQuery(jpql + " ORDER BY " + time + " DESC, " + alias + ".id DESC", type)
                .setMaxResults(limit + 1);
        parameters.forEach(query::setParameter);
        List<T> rows = new ArrayList<>(query.getResultList());
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        rows.remove(limit);
        T last = rows.get(limit - 1);
        return new Page<>(rows, new PagePosition(String.valueOf(timeOf.applyAsLong(last)), idOf.apply(last)).text());
    }

    /**
     * The rows of a page.
     *
     * @param next the position to ask the following page after, null on the last page
     */
    public record Page<T>(List<T> rows, String next) {
    }
}
