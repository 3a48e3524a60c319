package cn.anxun.archive.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.anxun.api.archive.ArchiveContributor;
import cn.anxun.archive.ArchiveRetention;
import cn.anxun.archive.LegalHold;
import cn.anxun.archive.Retention;
import cn.anxun.archive.RetentionRun;
import cn.anxun.identity.AccessPolicy;
import cn.anxun.identity.AuditLog;
import cn.anxun.identity.Caller;
import cn.anxun.identity.ConflictException;
import cn.anxun.identity.FreeText;
import cn.anxun.identity.Learner;
import cn.anxun.identity.Learners;
import cn.anxun.identity.NotFoundException;
import cn.anxun.identity.Operation;
import cn.anxun.identity.PersonnelCategory;
import cn.anxun.identity.RecordKind;
import cn.anxun.identity.Scope;
import cn.anxun.platform.jobs.Scheduler;
import cn.anxun.platform.persistence.KeyBatches;

/**
 * Archives kept for the retention of the learner's category after their latest record, then expired by a daily job
 * unless a legal hold stands. A retention configured below the regulation's minimum is raised to it: nothing is
 * removed early.
 */
@Component(service = {Retention.class, RetentionImpl.class}, configurationPid = ArchiveConfig.PID)
public class RetentionImpl implements Retention {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionImpl.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int MANAGERS_MINIMUM = 3;
    private static final int SPECIAL_OPERATIONS_MINIMUM = 6;
    private static final int PAGE = 200;

    private final Clock clock;
    private final Learners learners;
    private final AccessPolicy policy;
    private final AuditLog audit;
    private final Contributors contributors;
    private final JpaTemplate jpa;
    private final AutoCloseable job;
    private volatile ArchiveConfig config;

    @Activate
    public RetentionImpl(@Reference Clock clock, @Reference Learners learners, @Reference AuditLog audit,
            @Reference AccessPolicy policy, @Reference Contributors contributors,
            @Reference(target = "(osgi.unit.name=anxun-archive)") JpaTemplate jpa, @Reference Scheduler scheduler,
            ArchiveConfig config) {
        this.clock = clock;
        this.learners = learners;
        this.audit = audit;
        this.policy = policy;
        this.contributors = contributors;
        this.jpa = jpa;
        this.config = config;
        job = scheduler.every("archives past their retention expired", Duration.ofMinutes(10), Duration.ofDays(1),
                Duration.ofHours(6), this::expireDue);
    }

    @Modified
    void modified(ArchiveConfig newConfig) {
        config = newConfig;
    }

    @Deactivate
    void deactivate() throws Exception {
        job.close();
    }

    @Override
    public ArchiveRetention of(Caller caller, String learnerId) {
        policy.require(caller, Operation.READ, learners.scope(RecordKind.ARCHIVE, learnerId));
        return retention(learners.get(caller, learnerId));
    }

    @Override
    public LegalHold hold(Caller caller, String learnerId, String reason) {
        Scope scope = learners.scope(RecordKind.LEGAL_HOLD, learnerId);
        policy.require(caller, Operation.CREATE, scope);
        String why = FreeText.required("reason", reason, 500);
        LegalHoldRecord hold = new LegalHoldRecord(learnerId, why, caller.name(), clock.instant());
        jpa.tx(TransactionType.Required, em -> {
            em.persist(hold);
            audit.record(em, caller, "archive.held", scope.target(), scope.region(), "success", why);
        });
        return hold.view();
    }

    @Override
    public LegalHold release(Caller caller, String holdId, String reason) {
        LegalHoldRecord found = jpa.txExpr(TransactionType.Required, em -> holdId == null || holdId.length() > 36
                ? null : em.find(LegalHoldRecord.class, holdId));
        if (found == null) {
            throw new NotFoundException("There is no legal hold " + holdId + ".");
        }
        Scope scope = learners.scope(RecordKind.LEGAL_HOLD, found.learnerId());
        policy.require(caller, Operation.DELETE, scope);
        String why = FreeText.required("reason", reason, 500);
        return jpa.txExpr(TransactionType.Required, em -> {
            LegalHoldRecord hold = em.find(LegalHoldRecord.class, holdId, LockModeType.PESSIMISTIC_WRITE);
            if (!hold.standing()) {
                throw new ConflictException("The legal hold " + holdId + " was lifted already.");
            }
            hold.release(caller.name(), clock.instant(), why);
            audit.record(em, caller, "archive.hold-lifted", scope.target(), scope.region(), "success", why);
            return hold.view();
        });
    }

    @Override
    public RetentionRun run(Caller caller) {
        policy.require(caller, Operation.RUN, Scope.platform(RecordKind.ARCHIVE, null));
        RetentionRun run = expireDue();
        audit.record(caller, "retention.run", null, null, "success", run.expired() + " expired, " + run.held()
                + " held, " + run.failed() + " failed of " + run.checked() + " checked");
        return run;
    }

    /** Expires every archive past its retention that no hold keeps; one run at a time. */
    synchronized RetentionRun expireDue() {
        Instant start = clock.instant();
        int checked = 0;
        int kept = 0;
        int held = 0;
        int expired = 0;
        int failed = 0;
        List<String> missing = contributors.missingCore();
        if (!missing.isEmpty()) {
            LOG.warn("No archive expires while the records of {} cannot be read: their bundles are not active",
                    missing);
            return new RetentionRun(start, clock.instant(), 0, 0, 0, 0, 0);
        }
        Instant oldEnough = start.atZone(CHINA).minusYears(Math.min(years(PersonnelCategory.SAFETY_MANAGER),
                years(PersonnelCategory.SPECIAL_OPERATION))).toInstant();
        List<Learner> page;
        String after = null;
        do {
            page = learners.registeredBefore(oldEnough, after, PAGE);
            Map<String, Instant> known = keptUntil(page.stream().map(Learner::id).toList());
            for (Learner learner : page) {
                after = learner.id();
                checked++;
                Instant noted = known.get(learner.id());
                if (noted != null && noted.isAfter(start)) {
                    kept++;
                    continue;
                }
                ArchiveRetention retention = retention(learner);
                if (retention.keptUntil().isAfter(start)) {
                    note(learner.id(), retention.keptUntil());
                    kept++;
                } else if (retention.held()) {
                    held++;
                } else if (expire(learner, retention)) {
                    expired++;
                } else {
                    failed++;
                }
            }
        } while (page.size() == PAGE);
        return new RetentionRun(start, clock.instant(), checked, kept, held, expired, failed);
    }

    private ArchiveRetention retention(Learner learner) {
        Instant latest = null;
        for (ArchiveContributor contributor : contributors.inReadingOrder()) {
            if (contributor.keepsArchive()) {
                latest = later(latest, contributor.latestOf(learner.id()));
            }
        }
        return of(learner, latest);
    }

    /**
     * The learner's retention when their latest record is the one given (none: the registration), for the archive
     * that has read the records already.
     */
    ArchiveRetention of(Learner learner, Instant latestRecord) {
        Instant latest = later(learner.registeredAt(), latestRecord);
        int years = years(learner.category());
        List<LegalHold> holds = jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(
                LegalHoldRecord.OF_LEARNER, LegalHoldRecord.class).setParameter("learner", learner.id())
                .getResultStream().map(LegalHoldRecord::view).toList());
        return new ArchiveRetention(years, latest, latest.atZone(CHINA).plusYears(years).toInstant(), holds,
                learner.anonymisedAt());
    }

    static Instant later(Instant one, Instant other) {
        return one == null || other != null && other.isAfter(one) ? other : one;
    }

    /** Every contributor's part first, the learner's identity last: a run that fails halfway is finished later. */
    private boolean expire(Learner learner, ArchiveRetention retention) {
        try {
            for (ArchiveContributor contributor : contributors.inReadingOrder()) {
                contributor.expire(learner.id());
            }
            learners.anonymise(learner.id());
            jpa.tx(TransactionType.Required, em -> {
                KeptUntilRecord noted = em.find(KeptUntilRecord.class, learner.id());
                if (noted != null) {
                    em.remove(noted);
                }
                audit.record(em, Caller.system(), "archive.expired", "learner:" + learner.id(), learner.county(),
                        "success", "kept until " + retention.keptUntil() + ", " + retention.years()
                                + " years after the latest record");
            });
            return true;
        } catch (RuntimeException e) {
            LOG.warn("The archive of learner {} could not be expired; the next run tries again", learner.id(), e);
            return false;
        }
    }

    private Map<String, Instant> keptUntil(List<String> learnerIds) {
        return jpa.txExpr(TransactionType.Required, em -> KeyBatches.read(learnerIds, batch -> em.createNamedQuery(
                KeptUntilRecord.OF, KeptUntilRecord.class).setParameter("learners", batch).getResultList()))
                .stream().collect(Collectors.toMap(KeptUntilRecord::learnerId, KeptUntilRecord::keptUntil));
    }

    private void note(String learnerId, Instant keptUntil) {
        jpa.tx(TransactionType.Required, em -> em.merge(new KeptUntilRecord(learnerId, keptUntil)));
    }

    private int years(PersonnelCategory category) {
        return category == PersonnelCategory.SPECIAL_OPERATION
            ? Math.max(config.specialOperationRetentionYears(), SPECIAL_OPERATIONS_MINIMUM)
            : Math.max(config.managerRetentionYears(), MANAGERS_MINIMUM);
    }
}
