package cn.anxun.classes.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.classes.ClassDraft;
import cn.anxun.classes.Classes;
import cn.anxun.classes.StudyPlace;
import cn.anxun.classes.TrainingClass;
import cn.anxun.courses.Course;
import cn.anxun.courses.Courses;
import cn.anxun.courses.Programme;
import cn.anxun.courses.Programmes;
import cn.anxun.identity.AccessDeniedException;
import cn.anxun.identity.AuditLog;
import cn.anxun.identity.Caller;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.Learner;
import cn.anxun.identity.Learners;
import cn.anxun.identity.NotFoundException;
import cn.anxun.identity.Regions;
import cn.anxun.identity.Role;
import cn.anxun.identity.Violation;
import cn.anxun.institutions.Registrations;

/** Classes in {@code TRAINING_CLASS}, their courses in {@code CLASS_COURSE}, enrolments in {@code CLASS_LEARNER}. */
@Component(service = Classes.class)
public class ClassesImpl implements Classes {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Role[] STAFF = {Role.INSTITUTION_ADMIN, Role.INSTITUTION_STAFF};
    private static final Role[] REGULATORS = {Role.PROVINCE_REGULATOR, Role.CITY_REGULATOR, Role.COUNTY_REGULATOR};
    private static final int MAX_ENROLMENT = 500;

    private final JpaTemplate jpa;
    private final Clock clock;
    private final Programmes programmes;
    private final Courses courses;
    private final Learners learners;
    private final Registrations registrations;
    private final AuditLog audit;

    @Activate
    public ClassesImpl(@Reference(target = "(osgi.unit.name=anxun-classes)") JpaTemplate jpa, @Reference Clock clock,
            @Reference Programmes programmes, @Reference Courses courses, @Reference Learners learners,
            @Reference Registrations registrations, @Reference AuditLog audit) {
        this.jpa = jpa;
        this.clock = clock;
        this.programmes = programmes;
        this.courses = courses;
        this.learners = learners;
        this.registrations = registrations;
        this.audit = audit;
    }

    @Override
    public TrainingClass open(Caller caller, String institutionId, ClassDraft draft) {
        requireStaff(caller, institutionId, "open a class");
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
        requireReader(caller, found);
        return found;
    }

    @Override
    public List<TrainingClass> ofInstitution(Caller caller, String institutionId) {
        caller.requireLogin("list classes");
        return jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(ClassRecord.OF_INSTITUTION,
                ClassRecord.class).setParameter("institution", institutionId).getResultStream().map(ClassRecord::view)
                .filter(found -> mayRead(caller, found)).toList());
    }

    @Override
    public List<TrainingClass> ofRegion(Caller caller, String regionCode) {
        caller.require("list a region's classes", Role.OPERATOR, Role.PROVINCE_REGULATOR, Role.CITY_REGULATOR,
                Role.COUNTY_REGULATOR);
        if (!caller.has(Role.OPERATOR) && !Regions.covers(caller.regionCode(), regionCode)) {
            throw new AccessDeniedException("You see the classes of your own region " + caller.regionCode() + ".");
        }
        return jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(ClassRecord.ALL, ClassRecord.class)
                .getResultStream().map(ClassRecord::view).filter(found -> inRegion(regionCode, found.city()))
                .toList());
    }

    @Override
    public List<TrainingClass> ofLearner(Caller caller, String learnerId) {
        if (!learnerId.equals(caller.accountId()) && !learners.maySeePersonalData(caller, learnerId)) {
            throw new AccessDeniedException("You may not see this learner's classes.");
        }
        return jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(ClassRecord.OF_LEARNER,
                ClassRecord.class).setParameter("learner", learnerId).getResultStream().map(ClassRecord::view)
                .toList());
    }

    @Override
    public TrainingClass enrol(Caller caller, String classId, List<String> learnerIds) {
        TrainingClass found = find(classId);
        requireStaff(caller, found.institutionId(), "enrol learners");
        List<String> wanted = learnerIds == null ? List.of() : List.copyOf(new LinkedHashSet<>(learnerIds));
        if (wanted.isEmpty() || wanted.size() > MAX_ENROLMENT) {
            throw new InvalidInputException("learners", "required", "lists 1 to " + MAX_ENROLMENT + " learners");
        }
        List<Violation> violations = new ArrayList<>();
        for (String learnerId : wanted) {
            Learner learner;
            try {
                learner = learners.get(caller, learnerId);
            } catch (RuntimeException e) {
                violations.add(new Violation("learners", "own-learner", learnerId + " is not a learner the "
                        + "institution trains"));
                continue;
            }
            if (!found.city().equals(learner.city())) {
                violations.add(new Violation("learners", "class-city", learnerId + " is a learner of another city"));
            } else if (learner.disabledAt() != null) {
                violations.add(new Violation("learners", "enabled", learnerId + " is disabled"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            ClassRecord record = em.find(ClassRecord.class, classId, LockModeType.PESSIMISTIC_WRITE);
            Set<String> enrolled = Set.copyOf(enrolled(em, classId));
            List<String> added = wanted.stream().filter(id -> !enrolled.contains(id)).toList();
            added.forEach(id -> em.persist(new EnrolmentRecord(classId, id, clock.instant(), caller.name())));
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
        requireReader(caller, find(classId));
        return jpa.txExpr(TransactionType.Required, em -> enrolled(em, classId));
    }

    @Override
    public StudyPlace studyPlace(Caller learner, String classId, String courseId) {
        learner.require("study", Role.LEARNER);
        TrainingClass found = attended(learner, classId);
        if (!found.courses().contains(courseId)) {
            throw new AccessDeniedException("Course " + courseId + " is not one of class " + found.name() + ".");
        }
        Course course = courses.get(learner, courseId);
        if (course.status() != Course.Status.ONLINE) {
            throw new AccessDeniedException("Course " + course.title() + " is not online.");
        }
        return new StudyPlace(found, course);
    }

    @Override
    public TrainingClass attending(Caller learner, String classId) {
        learner.require("take part in a class", Role.LEARNER);
        return attended(learner, classId);
    }

    private TrainingClass attended(Caller learner, String classId) {
        TrainingClass found = find(classId);
        boolean enrolled = jpa.txExpr(TransactionType.Required, em -> em.find(EnrolmentRecord.class,
                new EnrolmentRecord.Key(classId, learner.accountId())) != null);
        if (!enrolled) {
            throw new AccessDeniedException("You are not enrolled in class " + classId + ".");
        }
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        if (today.isBefore(found.startsOn()) || today.isAfter(found.endsOn())) {
            throw new AccessDeniedException("Class " + found.name() + " runs from " + found.startsOn() + " to "
                    + found.endsOn() + ".");
        }
        if (!registrations.trainingCities(found.institutionId()).contains(found.city())) {
            throw new AccessDeniedException("The class's institution may not train in " + found.city()
                    + " now: its registration there is suspended or revoked.");
        }
        return found;
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

    private void requireReader(Caller caller, TrainingClass found) {
        caller.requireLogin("read a class");
        if (!mayRead(caller, found)) {
            throw new AccessDeniedException("You may not read class " + found.id() + ".");
        }
    }

    private boolean mayRead(Caller caller, TrainingClass found) {
        return caller.has(STAFF) && found.institutionId().equals(caller.institutionId())
                || caller.has(Role.OPERATOR)
                || caller.has(REGULATORS) && inRegion(caller.regionCode(), found.city())
                || caller.has(Role.LEARNER) && jpa.txExpr(TransactionType.Required, em -> em.find(
                        EnrolmentRecord.class, new EnrolmentRecord.Key(found.id(), caller.accountId())) != null);
    }

    /** A region covers a city's class if it contains the city or lies in it (a county). */
    private static boolean inRegion(String region, String city) {
        return Regions.covers(region, city) || Regions.covers(city, region);
    }

    private static void requireStaff(Caller caller, String institutionId, String action) {
        caller.require(action, STAFF);
        if (!Objects.equals(institutionId, caller.institutionId())) {
            throw new AccessDeniedException("You " + action + " for your own institution only.");
        }
    }
}
