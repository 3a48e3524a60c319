package cn.anxun.classes.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.api.archive.ArchiveContributor;
import cn.anxun.api.archive.ArchiveRecord;
import cn.anxun.classes.TrainingClass;

/** Classes in archives: a learner's enrolments; a class's programme, courses and dates, then its enrolments. */
@Component(service = ArchiveContributor.class)
public class ClassArchive implements ArchiveContributor {

    private final JpaTemplate jpa;

    @Activate
    public ClassArchive(@Reference(target = "(osgi.unit.name=anxun-classes)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public String kind() {
        return "classes";
    }

    @Override
    public String title() {
        return "培训班";
    }

    @Override
    public List<ArchiveRecord> ofLearner(String learnerId) {
        return jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(EnrolmentRecord.RECORDS_OF_LEARNER,
                EnrolmentRecord.class).setParameter("learner", learnerId).getResultList().stream().map(enrolment -> {
                    TrainingClass trainingClass = em.find(ClassRecord.class, enrolment.classId()).view();
                    return new ArchiveRecord(enrolment.view().enrolledAt(), "报名参加培训班" + described(trainingClass),
                            trainingClass);
                }).toList());
    }

    @Override
    public List<ArchiveRecord> ofClass(String classId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            ClassRecord found = em.find(ClassRecord.class, classId);
            if (found == null) {
                return List.of();
            }
            TrainingClass trainingClass = found.view();
            List<ArchiveRecord> records = new ArrayList<>(List.of(new ArchiveRecord(trainingClass.openedAt(), "开班"
                    + described(trainingClass) + "，线上 " + trainingClass.onlineHours() + " 学时，课程 "
                    + trainingClass.courses().size() + " 门", trainingClass)));
            em.createNamedQuery(EnrolmentRecord.RECORDS_OF_CLASS, EnrolmentRecord.class).setParameter("class", classId)
                    .getResultList().stream().map(EnrolmentRecord::view).forEach(enrolment -> records.add(
                            new ArchiveRecord(enrolment.enrolledAt(), "学员 " + enrolment.learnerId() + " 报名",
                                    enrolment)));
            return records;
        });
    }

    private static String described(TrainingClass trainingClass) {
        return "「" + trainingClass.name() + "」（" + trainingClass.programmeName() + "，" + trainingClass.startsOn()
                + " 至 " + trainingClass.endsOn() + "）";
    }
}
