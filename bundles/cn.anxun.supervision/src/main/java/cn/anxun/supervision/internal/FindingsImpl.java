package cn.anxun.supervision.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.classes.Classes;
import cn.anxun.courses.Courses;
import cn.anxun.identity.AccessPolicy;
import cn.anxun.identity.AuditLog;
import cn.anxun.identity.Caller;
import cn.anxun.identity.ConflictException;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.NewestFirst;
import cn.anxun.identity.Learners;
import cn.anxun.identity.NotFoundException;
import cn.anxun.identity.Operation;
import cn.anxun.identity.Reach;
import cn.anxun.identity.RecordKind;
import cn.anxun.identity.Regions;
import cn.anxun.identity.Relation;
import cn.anxun.identity.Scope;
import cn.anxun.institutions.Decision;
import cn.anxun.institutions.Registration;
import cn.anxun.institutions.Registrations;
import cn.anxun.supervision.Finding;
import cn.anxun.supervision.Finding.Action;
import cn.anxun.supervision.FindingDraft;
import cn.anxun.supervision.FindingList;
import cn.anxun.supervision.FindingQuery;
import cn.anxun.supervision.FindingStep;
import cn.anxun.supervision.Findings;

/**
 * Findings kept in the supervision unit. A finding lies in the region of the regulator who raised it, so that they
 * and the regulators above read it; it is decided in that region until escalated; it belongs to the institution of
 * its subject, whose staff read it and whose admin answers it.
 */
@Component(service = Findings.class)
public class FindingsImpl implements Findings {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JpaTemplate jpa;
    private final Clock clock;
    private final AccessPolicy policy;
    private final AuditLog audit;
    private final Registrations registrations;
    private final Courses courses;
    private final Classes classes;
    private final Learners learners;

    @Activate
    public FindingsImpl(@Reference(target = "(osgi.unit.name=anxun-supervision)") JpaTemplate jpa,
            @Reference Clock clock, @Reference AccessPolicy policy, @Reference AuditLog audit,
            @Reference Registrations registrations, @Reference Courses courses, @Reference Classes classes,
            @Reference Learners learners) {
        this.jpa = jpa;
        this.clock = clock;
        this.policy = policy;
        this.audit = audit;
        this.registrations = registrations;
        this.courses = courses;
        this.classes = classes;
        this.learners = learners;
    }

    @Override
    public Finding raise(Caller caller, FindingDraft draft) {
        FindingDraft valid = FindingRules.checked(draft, today());
        String region = Regions.isCode(caller.regionCode()) ? caller.regionCode() : null;
        policy.require(caller, Operation.CREATE, new Scope(RecordKind.FINDING, null, Set.of(), Set.of(),
                region == null ? Set.of() : Set.of(region), false));
        String institution = institutionOf(caller, valid.subject(), valid.subjectId());
        return jpa.txExpr(TransactionType.Required, em -> {
            FindingRecord finding = new FindingRecord(valid, institution, region, clock.instant());
            em.persist(finding);
            em.persist(new FindingStepRecord(finding, clock.instant(), Action.RAISE, caller.name(),
                    caller.mainRole(), valid.text(), valid.deadline(), null));
            audit.record(em, caller, "finding.raise", "finding:" + finding.id(), region, "success",
                    valid.subject() + " " + valid.subjectId() + " due " + valid.deadline());
            em.flush();
            return view(em, finding);
        });
    }

    @Override
    public Finding get(Caller caller, String id) {
        FindingRecord finding = find(id);
        policy.require(caller, Operation.READ, finding.scope(false));
        return jpa.txExpr(TransactionType.Required, em -> view(em, finding));
    }

    @Override
    public FindingList list(Caller caller, FindingQuery query) {
        Reach.Condition reached = policy.reach(caller, Operation.READ, RecordKind.FINDING).condition(Map.of(
                Relation.OWN_INSTITUTION, "f.institutionId", Relation.IN_REGION, "f.region"));
        NewestFirst<FindingRecord> list = new NewestFirst<>(FindingRecord.class, "f", "raisedAt", reached)
                .limit(query.limit(), FindingQuery.MAX_LIMIT)
                .inRegion("f.region", query.region())
                .equal("f.institutionId", query.institutionId())
                .equal("f.subject", query.subject() == null ? null : query.subject().name())
                .equal("f.subjectId", query.subjectId())
                .equal("f.status", query.status() == null ? null : query.status().name())
                .after(query.after());
        if (query.overdue()) {
            list.where("f.status = 'OPEN' AND f.deadline < :today", Map.of("today", today().toString()));
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            NewestFirst.Page<FindingRecord> page = list.read(em, FindingRecord::raisedAt, FindingRecord::id);
            return new FindingList(views(em, page.rows()), page.next());
        });
    }

    @Override
    public Finding step(Caller caller, String id, FindingStep step) {
        FindingStep valid = FindingRules.checked(step, today());
        FindingRecord before = find(id);
        Operation operation = FindingRules.operation(valid.action());
        policy.require(caller, operation, before.scope(operation == Operation.DECIDE));
        FindingRules.next(valid.action(), before.status());
        String sanctioned = null;
        if (valid.action() == Action.SUSPEND || valid.action() == Action.REVOKE) {
            sanctioned = sanction(caller, before, valid);
        }
        String registration = sanctioned;
        return jpa.txExpr(TransactionType.Required, em -> {
            FindingRecord finding = em.find(FindingRecord.class, id, LockModeType.PESSIMISTIC_WRITE);
            finding.status(FindingRules.next(valid.action(), finding.status()));
            if (valid.action() == Action.REOPEN) {
                finding.deadline(valid.deadline());
            } else if (valid.action() == Action.ESCALATE) {
                finding.decidedIn(above(finding.decidedIn()));
            }
            em.persist(new FindingStepRecord(finding, clock.instant(), valid.action(), caller.name(),
                    caller.mainRole(), valid.text(), valid.deadline(), registration));
            audit.record(em, caller, "finding." + valid.action().name().toLowerCase(Locale.ROOT),
                    "finding:" + id, finding.decidedIn(), "success", registration);
            em.flush();
            return view(em, finding);
        });
    }

    /**
     * Suspends or revokes a registration of the finding's institution as that city's regulator, the finding cited in
     * the registration's history; answers the registration's id.
     */
    private String sanction(Caller caller, FindingRecord finding, FindingStep step) {
        String id = step.registration() != null ? step.registration()
                : finding.subject() == Finding.Subject.REGISTRATION ? finding.subjectId() : null;
        if (id == null) {
            throw new InvalidInputException("registration", "required", "is the registration to "
                    + step.action().name().toLowerCase(Locale.ROOT) + " for a finding against a "
                    + finding.subject().name().toLowerCase(Locale.ROOT));
        }
        Registration registration = registrations.get(caller, id);
        if (!registration.institutionId().equals(finding.institutionId())) {
            throw new InvalidInputException("registration", "of-the-institution", "is a registration of "
                    + "institution " + finding.institutionId() + ", which the finding is addressed to");
        }
        registrations.decide(caller, id, new Decision(step.action() == Action.SUSPEND ? Registration.Action.SUSPEND
                : Registration.Action.REVOKE, "Finding " + finding.id() + ": " + step.text()));
        return id;
    }

    /** The institution that must rectify what is found in the record, which the caller must be able to read. */
    private String institutionOf(Caller caller, Finding.Subject subject, String subjectId) {
        String institution = switch (subject) {
            case REGISTRATION -> registrations.get(caller, subjectId).institutionId();
            case COURSE -> courses.get(caller, subjectId).institutionId();
            case CLASS -> classes.get(caller, subjectId).institutionId();
            case LEARNER -> learners.get(caller, subjectId).institutionId();
        };
        if (institution == null) {
            throw new InvalidInputException("subjectId", "has-institution", "is a record of an institution, which "
                    + "rectifies what is found; this learner trains with none");
        }
        return institution;
    }

    /** Where an escalated finding is decided: a county's city, a city's province. */
    private static String above(String region) {
        if (Regions.PROVINCE.equals(region)) {
            throw new ConflictException("The finding is decided by the province already.");
        }
        return Regions.isCity(region) ? Regions.PROVINCE : Regions.cityOf(region);
    }

    private FindingRecord find(String id) {
        FindingRecord finding = id == null || id.length() > 36 ? null
                : jpa.txExpr(TransactionType.Required, em -> em.find(FindingRecord.class, id));
        if (finding == null) {
            throw new NotFoundException("There is no finding " + id + ".");
        }
        return finding;
    }

    private Finding view(EntityManager em, FindingRecord finding) {
        return views(em, List.of(finding)).get(0);
    }

    private List<Finding> views(EntityManager em, List<FindingRecord> findings) {
        if (findings.isEmpty()) {
            return List.of();
        }
        Map<String, List<Finding.Step>> steps = em.createNamedQuery(FindingStepRecord.OF_FINDINGS,
                FindingStepRecord.class).setParameter("findings", findings.stream().map(FindingRecord::id).toList())
                .getResultStream().collect(Collectors.groupingBy(FindingStepRecord::findingId,
                        Collectors.mapping(FindingStepRecord::view, Collectors.toList())));
        LocalDate today = today();
        return findings.stream().map(finding -> finding.view(steps.getOrDefault(finding.id(), List.of()), today))
                .toList();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }
}
