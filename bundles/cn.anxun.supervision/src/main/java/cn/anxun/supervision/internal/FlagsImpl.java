package cn.anxun.supervision.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.anxun.api.supervision.PatternDetector;
import cn.anxun.api.supervision.Suspicion;
import cn.anxun.identity.AccessPolicy;
import cn.anxun.identity.AuditLog;
import cn.anxun.identity.Caller;
import cn.anxun.identity.FreeText;
import cn.anxun.identity.NewestFirst;
import cn.anxun.identity.Learners;
import cn.anxun.identity.NotFoundException;
import cn.anxun.identity.Operation;
import cn.anxun.identity.Reach;
import cn.anxun.identity.RecordKind;
import cn.anxun.identity.Regions;
import cn.anxun.identity.Relation;
import cn.anxun.identity.Scope;
import cn.anxun.platform.jobs.Scheduler;
import cn.anxun.supervision.Flag;
import cn.anxun.supervision.FlagList;
import cn.anxun.supervision.FlagQuery;
import cn.anxun.supervision.FlagRun;
import cn.anxun.supervision.Flags;
import cn.anxun.supervision.FindingQuery;

/**
 * Flags from the installed pattern detectors. Every night, and when asked, it hands each detector the period since
 * the last look (overlapping it a little, for records committed late: a suspicion is kept once per key) and keeps
 * each suspicion as a flag in its region: a learner's county (else city), an institution's city.
 */
@Component(service = Flags.class)
public class FlagsImpl implements Flags {

    private static final Logger LOG = LoggerFactory.getLogger(FlagsImpl.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** How far a look reaches back into the one before. */
    private static final Duration OVERLAP = Duration.ofMinutes(10);
    /** What the first look covers. */
    private static final Duration FIRST = Duration.ofDays(1);

    private final JpaTemplate jpa;
    private final Clock clock;
    private final AccessPolicy policy;
    private final AuditLog audit;
    private final Learners learners;
    private final List<PatternDetector> detectors = new CopyOnWriteArrayList<>();
    private final AutoCloseable job;

    @Activate
    public FlagsImpl(@Reference(target = "(osgi.unit.name=anxun-supervision)") JpaTemplate jpa,
            @Reference Clock clock, @Reference AccessPolicy policy, @Reference AuditLog audit,
            @Reference Learners learners, @Reference Scheduler scheduler) {
        this.jpa = jpa;
        this.clock = clock;
        this.policy = policy;
        this.audit = audit;
        this.learners = learners;
        Instant now = clock.instant();
        Instant night = LocalDate.ofInstant(now, CHINA).plusDays(1).atTime(2, 0).atZone(CHINA).toInstant();
        this.job = scheduler.every("suspicious patterns looked for", Duration.between(now, night),
                Duration.ofDays(1), Duration.ofHours(2), () -> look(Caller.system()));
    }

    @Deactivate
    void deactivate() throws Exception {
        job.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addDetector(PatternDetector detector) {
        detectors.add(detector);
    }

    void removeDetector(PatternDetector detector) {
        detectors.remove(detector);
    }

    @Override
    public FlagList list(Caller caller, FlagQuery query) {
        Reach.Condition reached = policy.reach(caller, Operation.READ, RecordKind.FLAG).condition(Map.of(
                Relation.IN_REGION, "f.region"));
        NewestFirst<FlagRecord> list = new NewestFirst<>(FlagRecord.class, "f", "firstSeenAt", reached)
                .limit(query.limit(), FindingQuery.MAX_LIMIT)
                .inRegion("f.region", query.region())
                .equal("f.institutionId", query.institutionId())
                .equal("f.kind", query.kind())
                .equal("f.status", query.status() == null ? null : query.status().name())
                .after(query.after());
        return jpa.txExpr(TransactionType.Required, em -> {
            NewestFirst.Page<FlagRecord> page = list.read(em, FlagRecord::firstSeenAt, FlagRecord::id);
            return new FlagList(views(em, page.rows()), page.next());
        });
    }

    @Override
    public Flag get(Caller caller, String id) {
        FlagRecord flag = find(id);
        policy.require(caller, Operation.READ, flag.scope());
        return jpa.txExpr(TransactionType.Required, em -> views(em, List.of(flag)).get(0));
    }

    @Override
    public Flag dismiss(Caller caller, String id, String reason) {
        String why = FreeText.required("reason", reason, 500);
        FlagRecord before = find(id);
        policy.require(caller, Operation.UPDATE, before.scope());
        return jpa.txExpr(TransactionType.Required, em -> {
            FlagRecord flag = em.find(FlagRecord.class, id, LockModeType.PESSIMISTIC_WRITE);
            flag.dismiss(caller.name(), why);
            audit.record(em, caller, "flag.dismiss", "flag:" + id, flag.scope().region(), "success", why);
            em.flush();
            return views(em, List.of(flag)).get(0);
        });
    }

    @Override
    public FlagRun run(Caller caller) {
        policy.require(caller, Operation.RUN, new Scope(RecordKind.FLAG, null, Set.of(), Set.of(),
                Regions.isCode(caller.regionCode()) ? Set.of(caller.regionCode()) : Set.of(), false));
        return look(caller);
    }

    /** One look, for the job or a caller the policy let run it; one at a time. */
    private synchronized FlagRun look(Caller caller) {
        Instant until = clock.instant();
        Instant last = jpa.txExpr(TransactionType.Required, em -> {
            FlagLookRecord look = em.find(FlagLookRecord.class, FlagLookRecord.ONLY);
            return look == null ? null : look.until();
        });
        Instant from = last == null || last.isAfter(until) ? until.minus(FIRST) : last.minus(OVERLAP);
        Map<String, Integer> found = new TreeMap<>();
        int[] counts = new int[2];
        for (PatternDetector detector : detectors) {
            List<Suspicion> suspicions;
            try {
                suspicions = detector.detect(from, until);
            } catch (RuntimeException e) {
                LOG.error("pattern detector '{}' failed; its patterns wait for the next look", detector.kind(), e);
                continue;
            }
            found.merge(detector.kind(), suspicions.size(), Integer::sum);
            for (Suspicion suspicion : suspicions) {
                keep(detector, suspicion, until, counts);
            }
        }
        jpa.tx(TransactionType.Required, em -> {
            FlagLookRecord look = em.find(FlagLookRecord.class, FlagLookRecord.ONLY, LockModeType.PESSIMISTIC_WRITE);
            if (look == null) {
                em.persist(new FlagLookRecord(until));
            } else {
                look.until(until);
            }
            audit.record(em, caller, "flag.run", null, caller.regionCode(), "success", from + " to " + until
                    + ": " + found + ", " + counts[0] + " new");
        });
        return new FlagRun(from, until, found, counts[0], counts[1]);
    }

    /** Keeps a suspicion as a flag in its region; a learner no longer registered is passed over. */
    private void keep(PatternDetector detector, Suspicion suspicion, Instant now, int[] counts) {
        String institution = suspicion.institutionId();
        String region = suspicion.city();
        if (suspicion.learnerId() != null) {
            try {
                Scope learner = learners.scope(RecordKind.LEARNER, suspicion.learnerId());
                institution = learner.institutions().stream().findFirst().orElse(null);
                region = learner.region();
            } catch (NotFoundException e) {
                return;
            }
        }
        if (region == null) {
            LOG.warn("suspicion {} lies in no region; it is not kept", suspicion.key());
            return;
        }
        String institutionId = institution;
        String regionCode = region;
        jpa.tx(TransactionType.Required, em -> {
            FlagRecord flag = em.createNamedQuery(FlagRecord.BY_KEY, FlagRecord.class)
                    .setParameter("key", suspicion.key()).getResultStream().findFirst().orElse(null);
            Set<String> kept = Set.of();
            if (flag == null) {
                flag = new FlagRecord(detector.kind(), detector.label(), suspicion, institutionId, regionCode, now);
                em.persist(flag);
                counts[0]++;
            } else {
                flag.seenAgain(suspicion, now);
                kept = Set.copyOf(records(em, List.of(flag.id())).getOrDefault(flag.id(), List.of()));
                counts[1]++;
            }
            for (String record : new LinkedHashSet<>(suspicion.records())) {
                if (!kept.contains(record) && record.length() <= 100) {
                    em.persist(new FlagEvidenceRecord(flag.id(), record));
                }
            }
        });
    }

    private FlagRecord find(String id) {
        FlagRecord flag = id == null || id.length() > 36 ? null
                : jpa.txExpr(TransactionType.Required, em -> em.find(FlagRecord.class, id));
        if (flag == null) {
            throw new NotFoundException("There is no flag " + id + ".");
        }
        return flag;
    }

    private static List<Flag> views(EntityManager em, List<FlagRecord> flags) {
        if (flags.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> records = records(em, flags.stream().map(FlagRecord::id).toList());
        return flags.stream().map(flag -> flag.view(records.getOrDefault(flag.id(), List.of()))).toList();
    }

    private static Map<String, List<String>> records(EntityManager em, List<String> flags) {
        return em.createNamedQuery(FlagEvidenceRecord.OF_FLAGS, FlagEvidenceRecord.class)
                .setParameter("flags", flags).getResultStream().collect(Collectors.groupingBy(
                        FlagEvidenceRecord::flagId, Collectors.mapping(FlagEvidenceRecord::record,
                                Collectors.toList())));
    }
}
