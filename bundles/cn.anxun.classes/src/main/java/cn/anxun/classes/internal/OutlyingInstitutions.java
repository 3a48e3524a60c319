package cn.anxun.classes.internal;

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
 * Institutions whose test pass rate stands out above the other institutions of the same city: a sign of answers
 * handed out or of tests taken by proxy. Looked at over all the enrolments each time, and kept once a month.
 */
@Component(service = PatternDetector.class)
public class OutlyingInstitutions implements PatternDetector {

    static final String KIND = "outlying-pass-rate";

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String RATES = "SELECT e.city, e.institutionId, SUM(CASE WHEN e.attempts > 0 THEN 1 ELSE 0 "
            + "END), SUM(CASE WHEN e.passedAt IS NULL THEN 0 ELSE 1 END) FROM EnrolmentRecord e "
            + "GROUP BY e.city, e.institutionId";
    private static final String CLASSES = "SELECT DISTINCT e.classId FROM EnrolmentRecord e WHERE e.city = :city "
            + "AND e.institutionId = :institution AND e.attempts > 0";

    private final JpaTemplate jpa;

    @Activate
    public OutlyingInstitutions(@Reference(target = "(osgi.unit.name=anxun-classes)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String label() {
        return "合格率明显高于本市其他机构";
    }

    @Override
    public List<Suspicion> detect(Instant from, Instant until) {
        Map<String, Map<String, Outliers.Share>> cities = Outliers.byCity(jpa.txExpr(TransactionType.Required,
                em -> em.createQuery(RATES, Object[].class).getResultList()));
        String month = YearMonth.from(until.atZone(CHINA)).toString();
        List<Suspicion> found = new ArrayList<>();
        cities.forEach((city, rates) -> Outliers.above(rates).forEach((institution, others) -> {
            Outliers.Share rate = rates.get(institution);
            List<String> classes = jpa.txExpr(TransactionType.Required, em -> em.createQuery(CLASSES, String.class)
                    .setParameter("city", city).setParameter("institution", institution).setMaxResults(50)
                    .getResultList());
            found.add(Suspicion.ofInstitution(KIND + ":" + institution + ":" + city + ":" + month, institution, city,
                    String.format(Locale.ROOT, "%d of %d tested learners passed (%.1f %%); the city's other "
                            + "institutions pass %.1f %% on average.", rate.counted(), rate.cases(),
                            100 * rate.value(), 100 * others), classes.stream().map(id -> "class:" + id).toList()));
        }));
        return found;
    }
}
