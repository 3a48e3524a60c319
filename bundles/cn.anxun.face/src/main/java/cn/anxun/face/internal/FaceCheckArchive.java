package cn.anxun.face.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.api.archive.ArchiveContributor;
import cn.anxun.api.archive.ArchiveRecord;
import cn.anxun.api.face.FaceComparison.Decision;
import cn.anxun.face.FaceCheck;
import cn.anxun.face.FaceCheck.Purpose;

/**
 * A learner's face checks in their archive: when, why, what was decided. Scores are left out, as for the learner
 * themselves; captures are read apart, while they are kept. When the archive expires, the captures, their digests and
 * the reference template go; the decisions stay, counted in statistics.
 */
@Component(service = ArchiveContributor.class)
public class FaceCheckArchive implements ArchiveContributor {

    private static final Map<Purpose, String> PURPOSES = Map.of(Purpose.STUDY_START, "开始学习",
            Purpose.DURING_STUDY, "学习中", Purpose.EXAM, "考试", Purpose.TRIAL, "试用");
    private static final Map<Decision, String> DECISIONS = Map.of(Decision.MATCH, "通过", Decision.MISMATCH,
            "未通过", Decision.UNDECIDED, "未能判定");

    private final JpaTemplate jpa;

    @Activate
    public FaceCheckArchive(@Reference(target = "(osgi.unit.name=anxun-face)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public String kind() {
        return "face-checks";
    }

    @Override
    public String title() {
        return "人脸识别核验";
    }

    @Override
    public List<ArchiveRecord> ofLearner(String learnerId) {
        List<FaceCheck> checks = new ArrayList<>(jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(
                FaceCheckRecord.OF_LEARNER, FaceCheckRecord.class).setParameter("learner", learnerId)
                .getResultStream().map(FaceCheckRecord::view).map(FaceCheck::withoutScore).toList()));
        // newest first as stored; an archive reads oldest first
        Collections.reverse(checks);
        return checks.stream().map(check -> new ArchiveRecord(check.at(), PURPOSES.get(check.purpose())
                + "核验：" + DECISIONS.get(check.decision()) + (check.reason() == null ? "" : "（" + check.reason()
                        + "）"), check)).toList();
    }

    @Override
    public void expire(String learnerId) {
        jpa.tx(TransactionType.Required, em -> {
            for (String erase : new String[] {FaceCaptureRecord.DELETE_OF, FaceCheckRecord.FORGET_CAPTURES,
                TemplateRecord.DELETE_OF}) {
                em.createNamedQuery(erase).setParameter("learner", learnerId).executeUpdate();
            }
        });
    }
}
