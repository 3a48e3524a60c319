package cn.anxun.ledger.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.api.supervision.Outliers;
import cn.anxun.api.supervision.PatternDetector;
import cn.anxun.api.supervision.Suspicion;

/**
 * Institutions whose learners start far more of their study sessions at night (00:00 to 05:00, China time) than the
 * other institutions of the same city: the hours of a room where few people study for many. Weighed over the
 * sessions of the last {@link #PERIOD} at each look, and kept once a month.
 */
@Component(service = PatternDetector.class)
public class NightStudy implements PatternDetector {

    static final String KIND = "night-study";
    static final Duration PERIOD = Duration.ofDays(30);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    // China keeps no summer time: a start's time of day is its instant eight hours on, modulo a day
    private static final String AT_NIGHT = "MOD(s.startedAt + 28800000, 86400000) < 18000000";
    private static final String IN_PERIOD = "s.startedAt >= :since AND s.startedAt < :until";
    private static final String SHARES = "SELECT s.city, s.institutionId, COUNT(s), SUM(CASE WHEN " + AT_NIGHT
            + " THEN 1 ELSE 0 END) FROM SessionRecord s WHERE " + IN_PERIOD + " AND s.institutionId IS NOT NULL "
            + "GROUP BY s.city, s.institutionId";
    private static final String SESSIONS = "SELECT s.id FROM SessionRecord s WHERE s.city = :city "
            + "AND s.institutionId = :institution AND " + IN_PERIOD + " AND " + AT_NIGHT + " ORDER BY s.startedAt";

    private final JpaTemplate jpa;

    @Activate
    public NightStudy(@Reference(target = "(osgi.unit.name=anxun-ledger)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String label() {
        return "夜间学习比例明显高于本市其他机构";
    }

    @Override
    public List<Suspicion> detect(Instant from, Instant until) {
        long since = until.minus(PERIOD).toEpochMilli();
        Map<String, Map<String, Outliers.Share>> cities = Outliers.byCity(jpa.txExpr(TransactionType.Required,
                em -> em.createQuery(SHARES, Object[].class).setParameter("since", since)
                        .setParameter("until", until.toEpochMilli()).getResultList()));
        String month = YearMonth.from(until.atZone(CHINA)).toString();
        List<Suspicion> found = new ArrayList<>();
        cities.forEach((city, shares) -> Outliers.above(shares).forEach((institution, others) -> {
            Outliers.Share share = shares.get(institution);
            List<String> sessions = jpa.txExpr(TransactionType.Required, em -> em.createQuery(SESSIONS,
                    String.class).setParameter("city", city).setParameter("institution", institution)
                    .setParameter("since", since).setParameter("until", until.toEpochMilli()).setMaxResults(50)
                    .getResultList());
            found.add(Suspicion.ofInstitution(KIND + ":" + institution + ":" + city + ":" + month, institution, city,
                    String.format(Locale.ROOT, "%d of %d study sessions in the last %d days started between 00:00 "
                            + "and 05:00 (%.1f %%); the city's other institutions %.1f %% on average.",
                            share.counted(), share.cases(), PERIOD.toDays(), 100 * share.value(), 100 * others),
                    sessions.stream().map(id -> "study-session:" + id).toList()));
        }));
        return found;
    }
}
