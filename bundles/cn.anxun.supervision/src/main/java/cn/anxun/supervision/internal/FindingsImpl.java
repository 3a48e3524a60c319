package cn.anxun.supervision.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;

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
import cn.anxun.identity.Learners;
import cn.anxun.identity.NotFoundException;
import cn.anxun.identity.Operation;
import cn.anxun.identity.PagePosition;
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
        if (query.limit() < 1 || query.limit() > FindingQuery.MAX_LIMIT) {
            throw new InvalidInputException("limit", "range", "is 1 to " + FindingQuery.MAX_LIMIT);
        }
        Reach.Condition reached = policy.reach(caller, Operation.READ, RecordKind.FINDING).condition(Map.of(
                Relation.OWN_INSTITUTION, "f.institutionId", Relation.IN_REGION, "f.region"));
        StringBuilder jpql = new StringBuilder("SELECT f FROM FindingRecord f WHERE ").append(reached.jpql());
        Map<String, Object> parameters = new LinkedHashMap<>(reached.parameters());
        if (query.region() != null && !Regions.PROVINCE.equals(Regions.inGuangdong("region", query.region()))) {
            jpql.append(" AND f.region LIKE :region");
            parameters.put("region", Regions.prefix(query.region()) + "%");
        }
        equal(jpql, parameters, "f.institutionId", "institution", query.institutionId());
        equal(jpql, parameters, "f.subject", "subject", query.subject() == null ? null : query.subject().name());
        equal(jpql, parameters, "f.subjectId", "subjectId", query.subjectId());
        equal(jpql, parameters, "f.status", "status", query.status() == null ? null : query.status().name());
        if (query.overdue()) {
            jpql.append(" AND f.status = 'OPEN' AND f.deadline < :today");
            parameters.put("today", today().toString());
        }
        if (query.after() != null) {
            PagePosition after = PagePosition.of(query.after());
            jpql.append(" AND (f.raisedAt < :afterAt OR (f.raisedAt = :afterAt AND f.id < :afterId))");
            parameters.put("afterAt", after.firstNumber());
            parameters.put("afterId", after.second());
        }
        jpql.append(" ORDER BY f.raisedAt DESC, f.id DESC");
        return jpa.txExpr(TransactionType.Required, em -> {
            TypedQuery<FindingRecord> rows = em.createQuery(jpql.toString(), FindingRecord.class)
                    .setMaxResults(query.limit() + 1);
            parameters.forEach(rows::setParameter);
            List<FindingRecord> found = new ArrayList<>(rows.getResultList());
            String next = null;
            if (found.size() > query.limit()) {
                found.remove(found.size() - 1);
                next = position(found.get(found.size() - 1));
            }
            return new FindingList(views(em, found), next);
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

    private static void equal(StringBuilder jpql, Map<String, Object> parameters, String path, String name,
            String value) {
        if (value != null) {
            jpql.append(" AND ").append(path).append(" = :").append(name);
            parameters.put(name, value);
        }
    }

    /** Where a page ends: after its last finding, by time and id. */
    private static String position(FindingRecord last) {
        return new PagePosition(String.valueOf(last.raisedAt()), last.id()).text();
    }
}
