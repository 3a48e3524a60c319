package cn.anxun.classes.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import cn.anxun.classes.Breakdown;
import cn.anxun.classes.EnrolmentProgress;
import cn.anxun.classes.EnrolmentTotals;
import cn.anxun.classes.ProgressList;
import cn.anxun.identity.PagePosition;
import cn.anxun.identity.RegionQuery;
import cn.anxun.identity.Reach;
import cn.anxun.identity.Relation;

/**
 * Supervision's reads of the enrolments' progress, narrowed to the caller's reach. Each row carries what it is
 * filtered by (its class's institution, programme, city and dates, its learner's region), so that no query joins:
 * the primary key and the indexes on {@code (CITY|REGION|INSTITUTIONID, CLASSID, LEARNERID)} give the pages in their
 * order, and a page reads no more rows than it shows. The classes' names come after, for the page's classes only.
 */
final class ProgressLists {

    private static final Map<Relation, String> PATHS = Map.of(Relation.SELF, "e.learnerId",
            Relation.OWN_INSTITUTION, "e.institutionId", Relation.IN_REGION, "e.region");
    private static final String ROW = "SELECT e.classId, e.learnerId, e.institutionId, e.programmeCode, e.city, "
            + "e.region, e.startsOn, e.endsOn, e.enrolledAt, e.creditedSeconds, e.requiredSeconds, e.lastCreditedAt, "
            + "e.completedAt, e.attempts, e.testResult, e.bestScore, e.passedAt, e.certificate, e.certificateStatus "
            + "FROM EnrolmentRecord e WHERE ";
    private static final String TOTALS = ", COUNT(e), SUM(CASE WHEN e.completedAt IS NULL THEN 0 ELSE 1 END), "
            + "SUM(CASE WHEN e.attempts > 0 THEN 1 ELSE 0 END), SUM(CASE WHEN e.passedAt IS NULL THEN 0 ELSE 1 END), "
            + "SUM(CASE WHEN e.certificateStatus = 'VALID' THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN e.weekOf = :week THEN e.weekSeconds ELSE 0 END), "
            + "SUM(CASE WHEN e.monthOf = :month THEN e.monthSeconds ELSE 0 END) FROM EnrolmentRecord e WHERE ";

    private ProgressLists() {
    }

    static ProgressList page(EntityManager em, Reach reach, RegionQuery query) {
        Reach.Condition reached = reach.condition(PATHS);
        StringBuilder jpql = new StringBuilder(ROW).append(reached.jpql());
        Map<String, Object> parameters = new LinkedHashMap<>(reached.parameters());
        region(jpql, parameters, query.region());
        equal(jpql, parameters, "e.institutionId", "institution", query.institutionId());
        equal(jpql, parameters, "e.programmeCode", "programme", query.programmeCode());
        equal(jpql, parameters, "e.classId", "class", query.classId());
        if (query.to() != null) {
            jpql.append(" AND e.startsOn <= :to");
            parameters.put("to", query.to().toString());
        }
        if (query.from() != null) {
            jpql.append(" AND e.endsOn >= :from");
            parameters.put("from", query.from().toString());
        }
        if (query.after() != null) {
            PagePosition after = PagePosition.of(query.after());
            jpql.append(" AND (e.classId > :afterClass OR (e.classId = :afterClass AND e.learnerId > :afterLearner))");
            parameters.put("afterClass", after.first());
            parameters.put("afterLearner", after.second());
        }
        jpql.append(" ORDER BY e.classId, e.learnerId");
        TypedQuery<Object[]> rows = em.createQuery(jpql.toString(), Object[].class).setMaxResults(query.limit() + 1);
        parameters.forEach(rows::setParameter);
        List<Object[]> found = rows.getResultList();
        Map<String, String> names = new HashMap<>();
        Set<String> classes = found.stream().map(row -> (String) row[0]).collect(Collectors.toSet());
        if (!classes.isEmpty()) {
            em.createNamedQuery(ClassRecord.NAMES, Object[].class).setParameter("ids", classes).getResultList()
                    .forEach(name -> names.put((String) name[0], (String) name[1]));
        }
        List<EnrolmentProgress> items = new ArrayList<>();
        for (Object[] row : found) {
            items.add(progress(row, names.get((String) row[0])));
        }
        String next = null;
        if (items.size() > query.limit()) {
            items.remove(items.size() - 1);
            EnrolmentProgress last = items.get(items.size() - 1);
            next = new PagePosition(last.classId(), last.learnerId()).text();
        }
        return new ProgressList(items, next);
    }

    static List<EnrolmentTotals> totals(EntityManager em, Reach reach, String region, Breakdown by, Instant now) {
        String key = by.path("e");
        Reach.Condition reached = reach.condition(PATHS);
        StringBuilder jpql = new StringBuilder("SELECT ").append(key).append(TOTALS).append(reached.jpql());
        Map<String, Object> parameters = new LinkedHashMap<>(reached.parameters());
        parameters.put("week", ProgressRows.weekOf(now));
        parameters.put("month", ProgressRows.monthOf(now));
        region(jpql, parameters, region);
        jpql.append(" GROUP BY ").append(key).append(" ORDER BY ").append(key);
        TypedQuery<Object[]> rows = em.createQuery(jpql.toString(), Object[].class);
        parameters.forEach(rows::setParameter);
        return rows.getResultList().stream().map(row -> new EnrolmentTotals((String) row[0], number(row[1]),
                number(row[2]), number(row[3]), number(row[4]), number(row[5]), number(row[6]), number(row[7])))
                .toList();
    }

    private static void region(StringBuilder jpql, Map<String, Object> parameters, String region) {
        if (region != null) {
            Breakdown.levelOf(region).ifPresent(level -> equal(jpql, parameters, level.path("e"), "region", region));
        }
    }

    private static void equal(StringBuilder jpql, Map<String, Object> parameters, String path, String name,
            String value) {
        if (value != null) {
            jpql.append(" AND ").append(path).append(" = :").append(name);
            parameters.put(name, value);
        }
    }

    private static EnrolmentProgress progress(Object[] row, String className) {
        String test = (String) row[14];
        return new EnrolmentProgress((String) row[0], className, (String) row[1], (String) row[2], (String) row[3],
                (String) row[4], (String) row[5], LocalDate.parse((String) row[6]), LocalDate.parse((String) row[7]),
                instant(row[8]), number(row[9]), number(row[10]), instant(row[11]), instant(row[12]),
                (int) number(row[13]), test == null ? null : EnrolmentProgress.TestResult.valueOf(test),
                (Integer) row[15], instant(row[16]), (String) row[17], "REVOKED".equals(row[18]));
    }

    private static Instant instant(Object millis) {
        return millis == null ? null : Instant.ofEpochMilli(((Number) millis).longValue());
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
