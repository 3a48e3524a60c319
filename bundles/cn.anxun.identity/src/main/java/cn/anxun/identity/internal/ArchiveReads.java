package cn.anxun.identity.internal;

import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.api.archive.ArchiveContributor;
import cn.anxun.api.archive.ArchiveRecord;
import cn.anxun.identity.AuditEntry;

/** Who read a learner's or a class's archive when, from the audit log. */
@Component(service = ArchiveContributor.class)
public class ArchiveReads implements ArchiveContributor {

    private final JpaTemplate jpa;

    @Activate
    public ArchiveReads(@Reference(target = "(osgi.unit.name=anxun-identity)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public String kind() {
        return "reads";
    }

    @Override
    public String title() {
        return "档案查阅记录";
    }

    @Override
    public List<ArchiveRecord> ofLearner(String learnerId) {
        return reads("learner:" + learnerId);
    }

    @Override
    public List<ArchiveRecord> ofClass(String classId) {
        return reads("class:" + classId);
    }

    private List<ArchiveRecord> reads(String target) {
        return jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(AuditRecord.OF_TARGET,
                AuditRecord.class).setParameter("target", target).setParameter("action",
                        ArchiveContributor.READ_ACTION).getResultList().stream().map(AuditRecord::toEntry)
                .map(ArchiveReads::record).toList());
    }

    private static ArchiveRecord record(AuditEntry read) {
        return new ArchiveRecord(read.at(), read.actor() + "（" + read.role() + "）查阅", read);
    }

    /** Reading an archive does not keep it longer. */
    @Override
    public boolean keepsArchive() {
        return false;
    }
}
