package cn.anxun.archive.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.api.archive.ArchiveContributor;
import cn.anxun.api.archive.ArchiveRecord;
import cn.anxun.archive.Certificate;
import cn.anxun.identity.Learner;

/** Certificates in archives, revoked ones too. */
@Component(service = ArchiveContributor.class, configurationPid = ArchiveConfig.PID)
public class CertificateArchive implements ArchiveContributor {

    private final JpaTemplate jpa;
    private volatile ArchiveConfig config;

    @Activate
    public CertificateArchive(@Reference(target = "(osgi.unit.name=anxun-archive)") JpaTemplate jpa,
            ArchiveConfig config) {
        this.jpa = jpa;
        this.config = config;
    }

    @Modified
    void modified(ArchiveConfig newConfig) {
        config = newConfig;
    }

    @Override
    public String kind() {
        return "certificates";
    }

    @Override
    public String title() {
        return "培训合格证明";
    }

    @Override
    public List<ArchiveRecord> ofLearner(String learnerId) {
        List<ArchiveRecord> records = new ArrayList<>(records(CertificateRecord.OF_LEARNER, "learner", learnerId));
        // newest first as listed to the learner; an archive reads oldest first
        Collections.reverse(records);
        return records;
    }

    @Override
    public List<ArchiveRecord> ofClass(String classId) {
        return records(CertificateRecord.OF_CLASS, "class", classId);
    }

    private List<ArchiveRecord> records(String query, String parameter, String value) {
        String publicUrl = config.publicUrl();
        return jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(query, CertificateRecord.class)
                .setParameter(parameter, value).getResultList().stream().map(record -> record(record.view(
                        publicUrl))).toList());
    }

    private static ArchiveRecord record(Certificate certificate) {
        return new ArchiveRecord(certificate.issuedAt(), "培训合格证明 " + certificate.number() + "：培训班「"
                + certificate.className() + "」，线上 " + certificate.onlineHours() + " 学时，" + certificate.score()
                + " 分" + (certificate.status() == Certificate.Status.REVOKED ? "，已撤销" : ""), certificate);
    }

    /** The certificates stay, counted, under no name and no ID number. */
    @Override
    public void expire(String learnerId) {
        jpa.tx(TransactionType.Required, em -> em.createNamedQuery(CertificateRecord.ANONYMISE).setParameter("name",
                Learner.ANONYMISED).setParameter("learner", learnerId).executeUpdate());
    }
}
