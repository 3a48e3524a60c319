package cn.anxun.exams.internal;

import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.api.archive.ArchiveContributor;
import cn.anxun.api.archive.ArchiveRecord;
import cn.anxun.exams.ExamAttempt;
import cn.anxun.exams.ExamAttempt.Status;

/** Test attempts in learners' archives and classes' training files, each with its questions and answers. */
@Component(service = ArchiveContributor.class)
public class ExamArchive implements ArchiveContributor {

    private static final Map<Status, String> STATUSES = Map.of(Status.OPEN, "进行中", Status.PASSED, "合格",
            Status.FAILED, "不合格", Status.VOIDED, "作废");

    private final JpaTemplate jpa;

    @Activate
    public ExamArchive(@Reference(target = "(osgi.unit.name=anxun-exams)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public String kind() {
        return "tests";
    }

    @Override
    public String title() {
        return "考试记录";
    }

    @Override
    public List<ArchiveRecord> ofLearner(String learnerId) {
        return records(AttemptRecord.ALL_OF_LEARNER, "learner", learnerId);
    }

    @Override
    public List<ArchiveRecord> ofClass(String classId) {
        return records(AttemptRecord.OF_CLASS, "class", classId);
    }

    private List<ArchiveRecord> records(String query, String parameter, String value) {
        return jpa.txExpr(TransactionType.Required, em -> ExamsImpl.views(em, em.createNamedQuery(query,
                AttemptRecord.class).setParameter(parameter, value).getResultList())).stream()
                .map(ExamArchive::record).toList();
    }

    private static ArchiveRecord record(ExamAttempt attempt) {
        return new ArchiveRecord(attempt.startedAt(), "第 " + attempt.number() + " 次考试：" + STATUSES.get(attempt
                .status()) + (attempt.score() == null ? "" : "，" + attempt.score() + " 分（满分 " + attempt
                        .totalPoints() + " 分，" + attempt.passMark() + " 分合格）") + (attempt.reason() == null ? ""
                                : "，" + attempt.reason()), attempt);
    }
}
