package cn.anxun.ledger.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.api.supervision.PatternDetector;
import cn.anxun.api.supervision.Suspicion;

/**
 * A learner who tries again and again to study once the day's cap is reached: the credit stops at the cap, so the
 * tries are someone keeping a session going for hours on end, often not the learner.
 */
@Component(service = PatternDetector.class)
public class BeyondTheCap implements PatternDetector {

    static final String KIND = "beyond-the-cap";
    /** Refused starts in one day that make a flag. */
    static final int REPEATED = 3;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    // the whole day of a refusal in the period counts, so a look never splits a day's tries
    private static final String DAYS = "SELECT r.learnerId, r.day, COUNT(r), MIN(r.refusedAt), MAX(r.refusedAt) "
            + "FROM CapRefusalRecord r WHERE r.refusedAt >= :since AND r.refusedAt < :until "
            + "GROUP BY r.learnerId, r.day HAVING MAX(r.refusedAt) >= :from AND COUNT(r) >= :repeated";

    private final JpaTemplate jpa;

    @Activate
    public BeyondTheCap(@Reference(target = "(osgi.unit.name=anxun-ledger)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String label() {
        return "达到每日学时上限后反复尝试学习";
    }

    @Override
    public List<Suspicion> detect(Instant from, Instant until) {
        return jpa.txExpr(TransactionType.Required, em -> {
            List<Suspicion> found = new ArrayList<>();
            for (Object[] day : em.createQuery(DAYS, Object[].class)
                    .setParameter("since", from.minus(Duration.ofDays(1)).toEpochMilli())
                    .setParameter("until", until.toEpochMilli()).setParameter("from", from.toEpochMilli())
                    .setParameter("repeated", (long) REPEATED).getResultList()) {
                List<String> sessions = SessionRecord.evidenceOfDay(em, day[0], day[1]);
                found.add(Suspicion.ofLearner(KIND + ":" + day[0] + ":" + day[1], (String) day[0], day[2]
                        + " study sessions refused on " + day[1] + " after the daily cap was reached, from "
                        + time(day[3]) + " to " + time(day[4]) + " (China time).", sessions));
            }
            return found;
        });
    }

    private static String time(Object millis) {
        return Instant.ofEpochMilli((Long) millis).atZone(CHINA).toLocalTime().withNano(0).toString();
    }
}
