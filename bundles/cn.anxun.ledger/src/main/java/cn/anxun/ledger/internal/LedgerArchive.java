package cn.anxun.ledger.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.api.archive.ArchiveContributor;
import cn.anxun.api.archive.ArchiveRecord;
import cn.anxun.ledger.LedgerRecord;
import cn.anxun.ledger.proof.StudyHours;

/**
 * The ledger in archives: a learner's whole record with its proofs against the latest checkpoint, as the standalone
 * verifier reads it; a class's credited time per learner (its attendance).
 */
@Component(service = ArchiveContributor.class)
public class LedgerArchive implements ArchiveContributor {

    private final JpaTemplate jpa;

    @Activate
    public LedgerArchive(@Reference(target = "(osgi.unit.name=anxun-ledger)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public String kind() {
        return "ledger";
    }

    @Override
    public String title() {
        return "学时记录";
    }

    @Override
    public List<ArchiveRecord> ofLearner(String learnerId) {
        LedgerRecord record = jpa.txExpr(TransactionType.Required, em -> LedgerImpl.recordOf(em, learnerId,
                LedgerImpl.latest(em)));
        if (record.entries().isEmpty()) {
            return List.of();
        }
        StringBuilder summary = new StringBuilder("学时账本 " + record.entries().size() + " 条记录");
        record.totals().forEach(total -> summary.append("；培训班 ").append(total.classId()).append("：")
                .append(total.hours()).append(" 学时"));
        if (record.checkpoint() != null) {
            summary.append("；检查点树大小 ").append(record.checkpoint().treeSize());
        }
        return List.of(new ArchiveRecord(record.entries().get(record.entries().size() - 1).entry().recordedAt(),
                summary.toString(), record));
    }

    @Override
    public List<ArchiveRecord> ofClass(String classId) {
        return jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(EntryRecord.CLASS_TOTALS,
                Object[].class).setParameter("class", classId).getResultList()).stream().map(row -> {
                    long seconds = ((Number) row[1]).longValue();
                    return new ArchiveRecord(null, "学员 " + row[0] + "：" + StudyHours.of(seconds) + " 学时",
                            Map.of("learnerId", row[0], "creditedSeconds", seconds, "hours", StudyHours.of(seconds)));
                }).toList();
    }

    @Override
    public Instant latestOf(String learnerId) {
        Number latest = jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(EntryRecord.LATEST_OF,
                Number.class).setParameter("learner", learnerId).getSingleResult());
        return latest == null ? null : Instant.ofEpochMilli(latest.longValue());
    }
}
