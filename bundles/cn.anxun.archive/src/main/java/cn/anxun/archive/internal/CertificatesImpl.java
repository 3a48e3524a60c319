package cn.anxun.archive.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import cn.anxun.archive.Certificate;
import cn.anxun.archive.CertificateCheck;
import cn.anxun.archive.CertificateList;
import cn.anxun.archive.Certificates;
import cn.anxun.classes.Classes;
import cn.anxun.classes.TrainingClass;
import cn.anxun.exams.ExamAttempt;
import cn.anxun.exams.Exams;
import cn.anxun.identity.AccessPolicy;
import cn.anxun.identity.AuditLog;
import cn.anxun.identity.Caller;
import cn.anxun.identity.ConflictException;
import cn.anxun.identity.FreeText;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.Learner;
import cn.anxun.identity.Learners;
import cn.anxun.identity.NewestFirst;
import cn.anxun.identity.NotFoundException;
import cn.anxun.identity.Operation;
import cn.anxun.identity.Reach;
import cn.anxun.identity.RecordKind;
import cn.anxun.identity.RegionQuery;
import cn.anxun.identity.Relation;
import cn.anxun.identity.RequestLimit;
import cn.anxun.identity.RequestLimits;
import cn.anxun.identity.Scope;
import cn.anxun.institutions.Registration;
import cn.anxun.institutions.Registrations;
import cn.anxun.ledger.Ledger;
import cn.anxun.ledger.ProvenProgress;
import cn.anxun.platform.persistence.DatabaseFailure;

/**
 * Certificates in {@code CERTIFICATE}. What one states is gathered from the bundles that own it (class, ledger,
 * test, registration, learner) when it is issued, and kept: the PDF is made from the row alone, with the name read
 * again for the reader.
 */
@Component(service = Certificates.class, configurationPid = ArchiveConfig.PID)
@Designate(ocd = ArchiveConfig.class)
public class CertificatesImpl implements Certificates {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JpaTemplate jpa;
    private final Clock clock;
    private final Classes classes;
    private final Ledger ledger;
    private final Exams exams;
    private final Registrations registrations;
    private final Learners learners;
    private final RequestLimits requestLimits;
    private final AuditLog audit;
    private final AccessPolicy policy;
    private final CertificateDocument documents = new CertificateDocument();
    private volatile ArchiveConfig config;
    private volatile RequestLimit lookupLimit;

    @Activate
    public CertificatesImpl(@Reference(target = "(osgi.unit.name=anxun-archive)") JpaTemplate jpa,
            @Reference Clock clock, @Reference Classes classes, @Reference Ledger ledger, @Reference Exams exams,
            @Reference Registrations registrations, @Reference Learners learners,
            @Reference RequestLimits requestLimits, @Reference AuditLog audit, @Reference AccessPolicy policy,
            ArchiveConfig config) {
        this.jpa = jpa;
        this.policy = policy;
        this.clock = clock;
        this.classes = classes;
        this.ledger = ledger;
        this.exams = exams;
        this.registrations = registrations;
        this.learners = learners;
        this.requestLimits = requestLimits;
        this.audit = audit;
        modified(config);
    }

    @Modified
    void modified(ArchiveConfig newConfig) {
        config = newConfig;
        lookupLimit = new RequestLimit("certificate-lookup", newConfig.lookupsPerAddress(),
                Duration.ofMinutes(Math.max(1, newConfig.lookupWindowMinutes())), null);
    }

    @Override
    public Certificate issue(Caller caller, String learnerId, String classId) {
        policy.require(caller, Operation.CREATE, scope(null, learnerId, classId));
        TrainingClass trainingClass = classes.get(caller, classId);
        Optional<Certificate> current = current(caller, learnerId, classId);
        if (current.isPresent()) {
            return current.get();
        }
        ProvenProgress proven = ledger.provenProgress(caller, learnerId, classId);
        if (!proven.progress().completed()) {
            throw new ConflictException("The online part is not complete: " + proven.progress().hours() + " of "
                    + proven.progress().onlineHours() + " study hours are credited.");
        }
        ExamAttempt passed = exams.attempts(caller, classId).stream()
                .filter(a -> a.learnerId().equals(learnerId) && a.status() == ExamAttempt.Status.PASSED).findFirst()
                .orElseThrow(() -> new ConflictException("The learner has not passed the class's test yet."));
        Registration registration = registrations.approved(trainingClass.institutionId(), trainingClass.city())
                .orElseThrow(() -> new ConflictException("The institution has no registration in the class's city."));
        Learner learner = learners.get(caller, learnerId);
        Instant now = clock.instant();
        Certificate stated = new Certificate(null, null, Certificate.Status.VALID, learnerId,
                NameMask.mask(learner.name()), learner.idNumber(), classId, trainingClass.name(),
                trainingClass.programmeCode(), trainingClass.programmeName(), trainingClass.institutionId(),
                registration.institutionName(), registration.registrationNumber(), trainingClass.city(),
                proven.progress().creditedSeconds(), proven.progress().hours(), null, trainingClass.startsOn(),
                trainingClass.endsOn(), passed.endedAt().atZone(CHINA).toLocalDate(), passed.score(),
                passed.totalPoints(), passed.passMark(), passed.id(), proven.checkpoint().treeSize(),
                proven.checkpoint().rootHash(), now, caller.name(), null, null, null, null, 0, null);
        return DatabaseFailure.onConflict(() -> jpa.txExpr(TransactionType.Required, em -> {
            String predecessor = em.createNamedQuery(CertificateRecord.LATEST, CertificateRecord.class)
                    .setParameter("learner", learnerId).setParameter("class", classId).setMaxResults(1)
                    .getResultList().stream().map(CertificateRecord::number).findFirst().orElse(null);
            CertificateRecord record = new CertificateRecord(CertificateNumbers.fresh(), stated,
                    learner.county() == null ? learner.city() : learner.county(), predecessor);
            em.persist(record);
            em.flush();
            classes.certified(em, classId, learnerId, record.number(), false);
            audit.record(em, caller, "certificate.issued", "certificate:" + record.id(), trainingClass.city(),
                    "success", "learner:" + learnerId + " class:" + classId + " number " + record.number());
            return view(record);
        }), () -> current(caller, learnerId, classId).orElseThrow(() -> new ConflictException(
                "The certificate changed at the same moment; ask again.")));
    }

    @Override
    public Optional<Certificate> current(Caller caller, String learnerId, String classId) {
        policy.require(caller, Operation.READ, scope(null, learnerId, classId));
        return jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(CertificateRecord.CURRENT,
                CertificateRecord.class).setParameter("key", CertificateRecord.key(learnerId, classId))
                .getResultList().stream().findFirst().map(this::view));
    }

    @Override
    public Certificate get(Caller caller, String id) {
        CertificateRecord record = find(id);
        policy.require(caller, Operation.READ, scope(id, record.learnerId(), record.classId()));
        return view(record);
    }

    @Override
    public List<Certificate> ofLearner(Caller caller, String learnerId) {
        policy.require(caller, Operation.READ, learners.scope(RecordKind.CERTIFICATE, learnerId));
        return jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(CertificateRecord.OF_LEARNER,
                CertificateRecord.class).setParameter("learner", learnerId).getResultStream().map(this::view)
                .toList());
    }

    @Override
    public CertificateList list(Caller caller, RegionQuery query) {
        Reach.Condition reached = policy.reach(caller, Operation.READ, RecordKind.CERTIFICATE).condition(Map.of(
                Relation.SELF, "c.learnerId", Relation.OWN_INSTITUTION, "c.institutionId",
                Relation.IN_REGION, "c.region"));
        NewestFirst<CertificateRecord> list = new NewestFirst<>(CertificateRecord.class, "c", "issuedAt", reached)
                .limit(query.limit(), RegionQuery.MAX_LIMIT)
                .inRegion("c.region", query.region())
                .equal("c.institutionId", query.institutionId())
                .equal("c.programmeCode", query.programmeCode())
                .equal("c.classId", query.classId())
                .atLeast("c.issuedAt", query.fromMillis())
                .atMost("c.issuedAt", query.toMillis())
                .after(query.after());
        return jpa.txExpr(TransactionType.Required, em -> {
            NewestFirst.Page<CertificateRecord> page = list.read(em, CertificateRecord::issuedAt,
                    CertificateRecord::id);
            return new CertificateList(page.rows().stream().map(this::view).toList(), page.next());
        });
    }

    @Override
    public byte[] document(Caller caller, String id) {
        Certificate certificate = get(caller, id);
        String name = learners.get(caller, certificate.learnerId()).name();
        audit.record(caller, "certificate.printed", "certificate:" + id, certificate.city(), "success", null);
        return documents.render(certificate, name);
    }

    @Override
    public Certificate revoke(Caller caller, String id, String reason) {
        CertificateRecord found = find(id);
        policy.require(caller, Operation.REVOKE, scope(id, found.learnerId(), found.classId()));
        String why = FreeText.required("reason", reason, 500);
        return jpa.txExpr(TransactionType.Required, em -> {
            CertificateRecord record = em.find(CertificateRecord.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (!record.valid()) {
                throw new ConflictException("The certificate is revoked already.");
            }
            record.revoke(clock.instant(), caller.name(), why);
            classes.certified(em, record.classId(), record.learnerId(), record.number(), true);
            audit.record(em, caller, "certificate.revoked", "certificate:" + id, record.city(), "success", why);
            return view(record);
        });
    }

    @Override
    public CertificateCheck check(Caller caller, String number) {
        String read = CertificateNumbers.read(number).orElseThrow(() -> new InvalidInputException("number",
                "certificate-number", "is the sixteen letters and digits printed on the certificate, e.g. "
                        + "K7Q2-9XMB-4TZR-H8WD"));
        requestLimits.count(caller, lookupLimit);
        Certificate found = jpa.txExpr(TransactionType.Required, em -> {
            em.createNamedQuery(CertificateRecord.LOOKED_UP).setParameter("number", read).executeUpdate();
            return em.createNamedQuery(CertificateRecord.BY_NUMBER, CertificateRecord.class)
                    .setParameter("number", read).getResultList().stream().findFirst().map(this::view);
        }).orElseThrow(() -> new NotFoundException("No certificate has the number " + read + "."));
        return new CertificateCheck(found.number(), found.status(), found.learnerName(), found.idNumber(),
                found.programmeName(), found.className(), found.institutionName(), found.registrationNumber(),
                found.onlineHours(), found.offlineHours(), found.startsOn(), found.endsOn(), found.completedOn(),
                found.issuedAt(), found.revokedAt(), found.predecessor(), found.lookups());
    }

    /**
     * A certificate as the access policy sees it: about its learner, it belongs both to the learner (their
     * institution and region) and to the class it was earned in (its institution and city).
     */
    private Scope scope(String certificateId, String learnerId, String classId) {
        Scope ofClass = classes.scope(RecordKind.CERTIFICATE, classId);
        Scope ofLearner = learners.scope(RecordKind.CERTIFICATE, learnerId);
        return new Scope(RecordKind.CERTIFICATE, certificateId == null ? ofClass.target()
                : "certificate:" + certificateId, Set.of(learnerId), union(ofClass.institutions(),
                        ofLearner.institutions()), union(ofClass.regions(), ofLearner.regions()), false);
    }

    private static Set<String> union(Set<String> some, Set<String> others) {
        Set<String> all = new HashSet<>(some);
        all.addAll(others);
        return all;
    }

    private CertificateRecord find(String id) {
        return jpa.txExpr(TransactionType.Required, em -> Optional.ofNullable(id == null || id.length() > 36 ? null
                : em.find(CertificateRecord.class, id)))
                .orElseThrow(() -> new NotFoundException("There is no certificate " + id + "."));
    }

    private Certificate view(CertificateRecord record) {
        return record.view(config.publicUrl());
    }
}
