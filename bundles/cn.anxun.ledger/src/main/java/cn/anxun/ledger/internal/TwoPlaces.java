package cn.anxun.ledger.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.api.supervision.PatternDetector;
import cn.anxun.api.supervision.Suspicion;

/**
 * One learner studying in two places at once: a study session started from another login session (another device or
 * browser) while the learner's session there still beat. The new session replaces the old one, so the credit is
 * safe; the pattern says that two people may share the account.
 */
@Component(service = PatternDetector.class, configurationPid = StudyConfig.PID)
public class TwoPlaces implements PatternDetector {

    static final String KIND = "two-places";

    private final JpaTemplate jpa;
    private volatile StudyConfig config;

    @Activate
    public TwoPlaces(@Reference(target = "(osgi.unit.name=anxun-ledger)") JpaTemplate jpa, StudyConfig config) {
        this.jpa = jpa;
        this.config = config;
    }

    @Modified
    void modified(StudyConfig newConfig) {
        config = newConfig;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String label() {
        return "同一学员两处同时学习";
    }

    @Override
    public List<Suspicion> detect(Instant from, Instant until) {
        // a session that beat within two heartbeat intervals before the other started was in use
        long window = 2000L * config.heartbeatSeconds();
        return jpa.txExpr(TransactionType.Required, em -> {
            List<Suspicion> found = new ArrayList<>();
            for (SessionRecord started : em.createNamedQuery(SessionRecord.REPLACING, SessionRecord.class)
                    .setParameter("from", from.toEpochMilli()).setParameter("until", until.toEpochMilli())
                    .getResultList()) {
                SessionRecord earlier = em.find(SessionRecord.class, started.replaced());
                if (earlier != null && earlier.loginSession() != null && started.loginSession() != null
                        && !earlier.loginSession().equals(started.loginSession())
                        && earlier.lastBeatAt() >= started.startedAt() - window) {
                    found.add(Suspicion.ofLearner(KIND + ":" + earlier.id(), started.learnerId(), "A study session "
                            + "started from another login session " + (started.startedAt() - earlier.lastBeatAt())
                            / 1000 + " s after the learner's session there last beat.", List.of("study-session:"
                                    + earlier.id(), "study-session:" + started.id())));
                }
            }
            return found;
        });
    }
}
