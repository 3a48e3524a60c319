package cn.anxun.classes.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.classes.Breakdown;
import cn.anxun.classes.ClassDraft;
import cn.anxun.classes.ClassList;
import cn.anxun.classes.Classes;
import cn.anxun.classes.EnrolmentTotals;
import cn.anxun.classes.ProgressList;
import cn.anxun.classes.StudyPlace;
import cn.anxun.classes.TrainingClass;
import cn.anxun.courses.Course;
import cn.anxun.courses.Courses;
import cn.anxun.courses.Programme;
import cn.anxun.courses.Programmes;
import cn.anxun.identity.AccessPolicy;
import cn.anxun.identity.AuditLog;
import cn.anxun.identity.Caller;
import cn.anxun.identity.ConflictException;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.Learner;
import cn.anxun.identity.Learners;
import cn.anxun.identity.NewestFirst;
import cn.anxun.identity.NotFoundException;
import cn.anxun.identity.Operation;
import cn.anxun.identity.Reach;
import cn.anxun.identity.RecordKind;
import cn.anxun.identity.RegionQuery;
import cn.anxun.identity.Regions;
import cn.anxun.identity.Relation;
import cn.anxun.identity.Scope;
import cn.anxun.identity.Violation;
import cn.anxun.institutions.Registrations;

/** Classes in {@code TRAINING_CLASS}, their courses in {@code CLASS_COURSE}, enrolments in {@code CLASS_LEARNER}. */
@Component(service = Classes.class)
public class ClassesImpl implements Classes {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int MAX_ENROLMENT = 500;

    private final JpaTemplate jpa;
    private final Clock clock;
    private final Programmes programmes;
    private final Courses courses;
    private final Learners learners;
    private final Registrations registrations;
    private final AuditLog audit;
    private final AccessPolicy policy;

    @Activate
    public ClassesImpl(@Reference(target = "(osgi.unit.name=anxun-classes)") JpaTemplate jpa, @Reference Clock clock,
            @Reference Programmes programmes, @Reference Courses courses, @Reference Learners learners,
            @Reference Registrations registrations, @Reference AuditLog audit, @Reference AccessPolicy policy) {
        this.jpa = jpa;
        this.policy = policy;
        this.clock = clock;
        this.programmes = programmes;
        this.courses = courses;
        this.learners = learners;
        this.registrations = registrations;
        this.audit = audit;
    }

    @Override
    public TrainingClass open(Caller caller, String institutionId, ClassDraft draft) {
        policy.require(caller, Operation.CREATE, Scope.institution(RecordKind.CLASS, "new", institutionId, List.of()));
        List<Violation> violations = new ArrayList<>();
        if (draft.name() == null || draft.name().isBlank() || draft.name().length() > 200) {
            violations.add(new Violation("name", "required", "is the class's name, 1 to 200 characters"));
        }
        if (!registrations.trainingCities(institutionId).contains(draft.city())) {
            violations.add(new Violation("city", "registered-city", "is a city where the institution is registered "
                    + "(not suspended or revoked) to train online"));
        }
        // the list form answers an unknown code with no versions rather than a 404
        Programme programme = draft.programme() == null ? null : programmes.versions(List.of(draft.programme()))
                .stream().filter(version -> version.status() == Programme.Status.CURRENT).findFirst().orElse(null);
        if (programme == null) {
            violations.add(new Violation("programme", "current-programme", "is the code of a programme in force"));
        }
        List<String> courseIds = draft.courses() == null ? List.of() : List.copyOf(new LinkedHashSet<>(
                draft.courses()));
        if (courseIds.isEmpty()) {
            violations.add(new Violation("courses", "required", "lists at least one online course"));
        }
        for (int i = 0; i < courseIds.size(); i++) {
            courseViolation(caller, institutionId, courseIds.get(i), programme).ifPresent(rule -> violations.add(
                    rule));
        }
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        if (draft.startsOn() == null) {
            violations.add(new Violation("startsOn", "required", "is the class's first day"));
        }
        if (draft.endsOn() == null || draft.endsOn().isBefore(today)
                || draft.startsOn() != null && draft.endsOn().isBefore(draft.startsOn())) {
            violations.add(new Violation("endsOn", "date-range", "is the class's last day: not before its first day "
                    + "nor before today"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            ClassRecord record = new ClassRecord(institutionId, draft.city(), draft.name().strip(), programme,
                    courseIds, draft.startsOn(), draft.endsOn(), clock.instant(), caller.name());
            em.persist(record);
            audit.record(em, caller, "class.open", "class:" + record.id(), draft.city(), "success",
                    programme.code() + " v" + programme.version());
            return record.view();
        });
    }

    private Optional<Violation> courseViolation(Caller caller, String institutionId, String courseId,
            Programme programme) {
        String field = "courses";
        Course course;
        try {
            course = courses.get(caller, courseId);
        } catch (RuntimeException e) {
            return Optional.of(new Violation(field, "own-course", courseId + " is not a course of the "
                    + "institution"));
        }
        if (!course.institutionId().equals(institutionId)) {
            return Optional.of(new Violation(field, "own-course", courseId + " is another institution's"));
        }
        if (course.status() != Course.Status.ONLINE) {
            return Optional.of(new Violation(field, "online-course", courseId + " is not online"));
        }
        if (programme != null && course.programmes().stream().noneMatch(fit -> fit.code().equals(programme.code())
                && fit.version() == programme.version())) {
            return Optional.of(new Violation(field, "teaches-programme", courseId + " does not teach "
                    + programme.code() + " version " + programme.version()));
        }
        return Optional.empty();
    }

    @Override
    public TrainingClass get(Caller caller, String classId) {
        TrainingClass found = find(classId);
        policy.require(caller, Operation.READ, scope(RecordKind.CLASS, found, caller, Operation.READ));
        return found;
    }

    @Override
    public List<TrainingClass> ofInstitution(Caller caller, String institutionId) {
        caller.requireLogin("list classes");
        return jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(ClassRecord.OF_INSTITUTION,
                ClassRecord.class).setParameter("institution", institutionId).getResultStream().map(ClassRecord::view)
                .filter(found -> policy.allows(caller, Operation.READ, scope(RecordKind.CLASS, found, caller,
                        Operation.READ))).toList());
    }

    @Override
    public ClassList list(Caller caller, RegionQuery query) {
        Reach.Condition reached = policy.reach(caller, Operation.READ, RecordKind.CLASS).condition(Map.of(
                Relation.SELF, "c.id IN (SELECT e.classId FROM EnrolmentRecord e WHERE e.learnerId = :reachSelf)",
                Relation.OWN_INSTITUTION, "c.institutionId", Relation.IN_REGION_OR_ITS_CITY, "c.city"));
        NewestFirst<ClassRecord> list = new NewestFirst<>(ClassRecord.class, "c", "openedAt", reached)
                .limit(query.limit(), RegionQuery.MAX_LIMIT)
                .inCityOf("c.city", query.region())
                .equal("c.institutionId", query.institutionId())
                .equal("c.programmeCode", query.programmeCode())
                .equal("c.id", query.classId())
                .atMost("c.startsOn", query.to() == null ? null : query.to().toString())
                .atLeast("c.endsOn", query.from() == null ? null : query.from().toString())
                .after(query.after());
        return jpa.txExpr(TransactionType.Required, em -> {
            NewestFirst.Page<ClassRecord> page = list.read(em, ClassRecord::openedAt, ClassRecord::id);
            return new ClassList(page.rows().stream().map(ClassRecord::view).toList(), page.next());
        });
    }

    @Override
    public List<TrainingClass> ofLearner(Caller caller, String learnerId) {
        policy.require(caller, Operation.READ, learners.scope(RecordKind.LEDGER, learnerId));
        return jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(ClassRecord.OF_LEARNER,
                ClassRecord.class).setParameter("learner", learnerId).getResultStream().map(ClassRecord::view)
                .toList());
    }

    @Override
    public TrainingClass enrol(Caller caller, String classId, List<String> learnerIds) {
        TrainingClass found = find(classId);
        policy.require(caller, Operation.UPDATE, scope(RecordKind.CLASS, found, caller, Operation.UPDATE));
        List<String> wanted = learnerIds == null ? List.of() : List.copyOf(new LinkedHashSet<>(learnerIds));
        if (wanted.isEmpty() || wanted.size() > MAX_ENROLMENT) {
            throw new InvalidInputException("learners", "required", "lists 1 to " + MAX_ENROLMENT + " learners");
        }
        List<Violation> violations = new ArrayList<>();
        Map<String, String> regions = new HashMap<>();
        for (String learnerId : wanted) {
            if (!trains(caller, learnerId)) {
                violations.add(new Violation("learners", "own-learner", learnerId + " is not a learner the "
                        + "institution trains"));
                continue;
            }
            Learner learner = learners.get(caller, learnerId);
            if (!found.city().equals(learner.city())) {
                violations.add(new Violation("learners", "class-city", learnerId + " is a learner of another city"));
            } else if (learner.disabledAt() != null) {
                violations.add(new Violation("learners", "enabled", learnerId + " is disabled"));
            }
            regions.put(learnerId, learner.county() != null ? learner.county() : learner.city());
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            ClassRecord record = em.find(ClassRecord.class, classId, LockModeType.PESSIMISTIC_WRITE);
            Set<String> enrolled = Set.copyOf(enrolled(em, classId));
            List<String> added = wanted.stream().filter(id -> !enrolled.contains(id)).toList();
            added.forEach(id -> em.persist(new EnrolmentRecord(found, id, regions.get(id), found.onlineHours()
                    * Programme.STUDY_HOUR_SECONDS, clock.instant(), caller.name())));
            record.enrolled(added.size());
            if (!added.isEmpty()) {
                audit.record(em, caller, "class.enrol", "class:" + classId, found.city(), "success",
                        added.size() + " learners");
            }
            return record.view();
        });
    }

    @Override
    public List<String> learners(Caller caller, String classId) {
        Scope whole = scope(RecordKind.CLASS_RECORDS, find(classId), caller, Operation.READ);
        if (policy.allows(caller, Operation.READ, whole)) {
            return jpa.txExpr(TransactionType.Required, em -> enrolled(em, classId));
        }
        List<String> ofRegion = learnersOfRegion(caller, classId);
        if (ofRegion.isEmpty()) {
            policy.require(caller, Operation.READ, whole);
        }
        return ofRegion;
    }

    @Override
    public List<String> learnersOfRegion(Caller caller, String classId) {
        String region = caller.regionCode();
        if (!Regions.isCode(region) || !policy.allows(caller, Operation.READ, Scope.region(RecordKind.ENROLMENT,
                region))) {
            return List.of();
        }
        return jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(EnrolmentRecord.OF_CLASS_IN_REGION,
                String.class).setParameter("class", classId).setParameter("region", Regions.prefix(region) + "%")
                .getResultList());
    }

    @Override
    public ProgressList progress(Caller caller, RegionQuery query) {
        Reach reach = policy.reach(caller, Operation.READ, RecordKind.ENROLMENT);
        return jpa.txExpr(TransactionType.Required, em -> ProgressLists.page(em, reach, query));
    }

    @Override
    public List<EnrolmentTotals> totals(Caller caller, String region, Breakdown by) {
        policy.require(caller, Operation.READ, Scope.region(RecordKind.ENROLMENT, Regions.inGuangdong("region",
                region)));
        Reach reach = policy.reach(caller, Operation.READ, RecordKind.ENROLMENT);
        return jpa.txExpr(TransactionType.Required, em -> ProgressLists.totals(em, reach, region, by,
                clock.instant()));
    }

    @Override
    public void credited(EntityManager transaction, String classId, String learnerId, long seconds, Instant at) {
        ProgressRows.credited(transaction, classId, learnerId, seconds, at);
    }

    @Override
    public void tested(EntityManager transaction, String classId, String learnerId, boolean passed, int score,
            Instant at) {
        ProgressRows.tested(transaction, classId, learnerId, passed, score, at);
    }

    @Override
    public void certified(EntityManager transaction, String classId, String learnerId, String certificate,
            boolean revoked) {
        ProgressRows.certified(transaction, classId, learnerId, certificate, revoked);
    }

    @Override
    public StudyPlace studyPlace(Caller learner, String classId, String courseId) {
        TrainingClass found = attended(learner, classId, RecordKind.STUDY_SESSION);
        if (!found.courses().contains(courseId)) {
            throw new NotFoundException("Course " + courseId + " is not one of class " + found.name() + ".");
        }
        // a course taken down is no longer published: the learner is refused it
        Course course = courses.get(learner, courseId);
        EnrolmentRecord enrolment = jpa.txExpr(TransactionType.Required, em -> em.find(EnrolmentRecord.class,
                new EnrolmentRecord.Key(classId, learner.accountId())));
        return new StudyPlace(found, course, enrolment.region());
    }

    @Override
    public TrainingClass attending(Caller learner, String classId) {
        return attended(learner, classId, RecordKind.EXAM_ATTEMPT);
    }

    /** The class, if the caller is a learner enrolled in it who may start records of the kind in it today. */
    private TrainingClass attended(Caller learner, String classId, RecordKind kind) {
        TrainingClass found = find(classId);
        policy.require(learner, Operation.CREATE, scope(kind, found, learner, Operation.CREATE));
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        if (today.isBefore(found.startsOn()) || today.isAfter(found.endsOn())) {
            throw new ConflictException("Class " + found.name() + " runs from " + found.startsOn() + " to "
                    + found.endsOn() + ".");
        }
        if (!registrations.trainingCities(found.institutionId()).contains(found.city())) {
            throw new ConflictException("The class's institution may not train in " + found.city()
                    + " now: its registration there is suspended or revoked.");
        }
        return found;
    }

    /**
     * A record of the kind in the class, for the access policy to decide the operation on: it belongs to the class's
     * institution, lies in its city, and is about the caller if they are enrolled in it (looked up only when that
     * decides).
     */
    private Scope scope(RecordKind kind, TrainingClass found, Caller caller, Operation operation) {
        Scope scope = scope(kind, found);
        if (caller.accountId() == null || policy.allows(caller, operation, scope)) {
            return scope;
        }
        boolean enrolled = jpa.txExpr(TransactionType.Required, em -> em.find(EnrolmentRecord.class,
                new EnrolmentRecord.Key(found.id(), caller.accountId())) != null);
        return enrolled ? scope.about(Set.of(caller.accountId())) : scope;
    }

    @Override
    public Scope scope(RecordKind kind, String classId) {
        return scope(kind, find(classId));
    }

    @Override
    public Scope scope(RecordKind kind, String classId, String learnerId) {
        Scope scope = scope(kind, find(classId));
        EnrolmentRecord enrolment = jpa.txExpr(TransactionType.Required, em -> em.find(EnrolmentRecord.class,
                new EnrolmentRecord.Key(classId, learnerId)));
        Set<String> regions = new TreeSet<>(scope.regions());
        if (enrolment != null && enrolment.region() != null) {
            regions.add(enrolment.region());
        }
        return new Scope(kind, scope.target(), Set.of(learnerId), scope.institutions(), regions, false);
    }

    private static Scope scope(RecordKind kind, TrainingClass found) {
        return new Scope(kind, "class:" + found.id(), Set.of(), Set.of(found.institutionId()), Set.of(found.city()),
                false);
    }

    /** Whether the learner trains with the caller's institution, as far as the caller may see. */
    private boolean trains(Caller caller, String learnerId) {
        try {
            return policy.allows(caller, Operation.READ, learners.scope(RecordKind.LEARNER, learnerId));
        } catch (NotFoundException e) {
            return false;
        }
    }

    private TrainingClass find(String classId) {
        ClassRecord record = classId == null || classId.length() > 36 ? null
                : jpa.txExpr(TransactionType.Required, em -> em.find(ClassRecord.class, classId));
        if (record == null) {
            throw new NotFoundException("There is no class " + classId + ".");
        }
        return record.view();
    }

    private static List<String> enrolled(EntityManager em, String classId) {
        return em.createNamedQuery(EnrolmentRecord.OF_CLASS, String.class).setParameter("class", classId)
                .getResultList();
    }
}
