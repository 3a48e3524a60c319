package cn.anxun.face.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.api.face.FaceReason;
import cn.anxun.api.supervision.PatternDetector;
import cn.anxun.api.supervision.Suspicion;

/**
 * A learner's face checks that failed again and again in a day, or that were taken for a replayed picture: someone
 * else in front of the camera, or a photo held up to it.
 */
@Component(service = PatternDetector.class)
public class FaceFailures implements PatternDetector {

    static final String KIND = "face-failures";
    /** Mismatches in one day that make a pattern; a single replay does. */
    static final int MISMATCHES = 3;

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String FAILED = "SELECT c.learnerId, c.id, c.checkedAt, c.reason FROM FaceCheckRecord c "
            + "WHERE c.checkedAt >= :from AND c.checkedAt < :until AND c.decision = 'MISMATCH' "
            + "ORDER BY c.learnerId, c.checkedAt";

    private final JpaTemplate jpa;

    @Activate
    public FaceFailures(@Reference(target = "(osgi.unit.name=anxun-face)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String label() {
        return "人脸核验反复失败或疑似翻拍";
    }

    @Override
    public List<Suspicion> detect(Instant from, Instant until) {
        List<Object[]> failed = jpa.txExpr(TransactionType.Required, em -> em.createQuery(FAILED, Object[].class)
                .setParameter("from", from.toEpochMilli()).setParameter("until", until.toEpochMilli())
                .getResultList());
        Map<String, List<Object[]>> byLearnerAndDay = new LinkedHashMap<>();
        for (Object[] check : failed) {
            LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli((Long) check[2]), CHINA);
            byLearnerAndDay.computeIfAbsent(check[0] + ":" + day, key -> new ArrayList<>()).add(check);
        }
        List<Suspicion> found = new ArrayList<>();
        byLearnerAndDay.forEach((key, checks) -> {
            long replays = checks.stream().filter(check -> FaceReason.SUSPECTED_REPLAY.name().equals(check[3]))
                    .count();
            if (replays > 0 || checks.size() >= MISMATCHES) {
                found.add(Suspicion.ofLearner(KIND + ":" + key, (String) checks.get(0)[0], checks.size()
                        + " face check(s) failed on " + key.substring(key.indexOf(':') + 1) + ", " + replays
                        + " of them taken for a replayed picture.", checks.stream()
                                .map(check -> "face-check:" + check[1]).toList()));
            }
        });
        return found;
    }
}
