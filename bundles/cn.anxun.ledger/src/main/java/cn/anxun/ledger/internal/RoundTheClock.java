package cn.anxun.ledger.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
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
 * A learner studying around the clock: on one day, study sessions from the night (a session started before 05:00)
 * to {@link #SPAN} later, which no worker who also works does; the daily cap keeps the credit, not the sitting.
 */
@Component(service = PatternDetector.class)
public class RoundTheClock implements PatternDetector {

    static final String KIND = "round-the-clock";
    /** From the first start to the last heartbeat of one day. */
    static final Duration SPAN = Duration.ofHours(16);
    private static final LocalTime NIGHT_ENDS = LocalTime.of(5, 0);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String DAYS = "SELECT s.learnerId, s.day, MIN(s.startedAt), MAX(s.lastBeatAt) "
            + "FROM SessionRecord s WHERE s.lastBeatAt >= :from AND s.startedAt < :until "
            + "GROUP BY s.learnerId, s.day HAVING MAX(s.lastBeatAt) - MIN(s.startedAt) >= :span";

    private final JpaTemplate jpa;

    @Activate
    public RoundTheClock(@Reference(target = "(osgi.unit.name=anxun-ledger)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String label() {
        return "昼夜连续学习";
    }

    @Override
    public List<Suspicion> detect(Instant from, Instant until) {
        return jpa.txExpr(TransactionType.Required, em -> {
            List<Suspicion> found = new ArrayList<>();
            for (Object[] day : em.createQuery(DAYS, Object[].class).setParameter("from", from.toEpochMilli())
                    .setParameter("until", until.toEpochMilli()).setParameter("span", SPAN.toMillis())
                    .getResultList()) {
                LocalTime first = Instant.ofEpochMilli((Long) day[2]).atZone(CHINA).toLocalTime();
                LocalTime last = Instant.ofEpochMilli((Long) day[3]).atZone(CHINA).toLocalTime();
                if (first.isBefore(NIGHT_ENDS)) {
                    List<String> sessions = SessionRecord.evidenceOfDay(em, day[0], day[1]);
                    found.add(Suspicion.ofLearner(KIND + ":" + day[0] + ":" + day[1], (String) day[0], "Studied on "
                            + day[1] + " from " + first.withNano(0) + " to " + last.withNano(0) + " (China time).",
                            sessions));
                }
            }
            return found;
        });
    }
}
