package cn.anxun.courses.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import cn.anxun.courses.Course;
import cn.anxun.identity.AccessPolicy;
import cn.anxun.identity.Caller;
import cn.anxun.identity.NewestFirst;
import cn.anxun.identity.Operation;
import cn.anxun.identity.Reach;
import cn.anxun.identity.RecordKind;
import cn.anxun.identity.RegionQuery;
import cn.anxun.identity.Regions;
import cn.anxun.identity.Relation;
import cn.anxun.identity.Scope;
import cn.anxun.institutions.Registrations;

/**
 * Courses as the access policy sees them: a course belongs to its institution, lies in the cities where the
 * institution is registered, and is published while it is online.
 */
final class CourseAccess {

    private final AccessPolicy policy;
    private final Registrations registrations;

    CourseAccess(AccessPolicy policy, Registrations registrations) {
        this.policy = policy;
        this.registrations = registrations;
    }

    /** Passes if the caller may act so on the course; else refused by the policy. */
    void require(Caller caller, Operation operation, CourseRecord course) {
        require(caller, operation, RecordKind.COURSE, course);
    }

    /** Passes if the caller may act so on the course's records of the kind, e.g. its feedback. */
    void require(Caller caller, Operation operation, RecordKind kind, CourseRecord course) {
        policy.require(caller, operation, scope(kind, course, registrations.supervisingCities(course.institutionId())));
    }

    /** Passes if the caller may add a course to the institution. */
    void requireNew(Caller caller, String institutionId) {
        policy.require(caller, Operation.CREATE, Scope.institution(RecordKind.COURSE, "new", institutionId, List.of()));
    }

    /** Which of a list's courses the caller may read. */
    Predicate<CourseRecord> readable(Caller caller) {
        return allowed(caller, Operation.READ, RecordKind.COURSE);
    }

    /** Which of a list's courses the caller may act so on, looking up each institution's cities once. */
    Predicate<CourseRecord> allowed(Caller caller, Operation operation, RecordKind kind) {
        Map<String, Set<String>> cities = new HashMap<>();
        return course -> policy.allows(caller, operation, scope(kind, course,
                cities.computeIfAbsent(course.institutionId(), registrations::supervisingCities)));
    }

    /**
     * What a list of the kind selects: the records of the courses in the caller's reach, where {@code ofCourse} turns
     * a condition on a course {@code o} into one on the listed record.
     */
    Reach.Condition reached(Caller caller, Operation operation, RecordKind kind, UnaryOperator<String> ofCourse) {
        return policy.reach(caller, operation, kind).condition(Map.of(
                Relation.OWN_INSTITUTION, ofCourse.apply("o.institutionId = :reachInstitution"),
                Relation.IN_REGION_OR_ITS_CITY, ofCourse.apply("o.institutionId IN :supervised"),
                Relation.PUBLISHED, ofCourse.apply("o.status = :online")),
                Map.of("supervised", () -> supervisedIn(Regions.cityOf(caller.regionCode())),
                        "online", () -> Course.Status.ONLINE));
    }

    /**
     * The list narrowed to the records of the courses the query's filters select: by the institutions the region's
     * city supervises, the institution, a programme the course teaches.
     */
    <T> NewestFirst<T> filtered(NewestFirst<T> list, RegionQuery query, UnaryOperator<String> ofCourse) {
        String city = query.region() == null ? Regions.PROVINCE
                : Regions.cityOf(Regions.inGuangdong("region", query.region()));
        if (!Regions.PROVINCE.equals(city)) {
            list.where(ofCourse.apply("o.institutionId IN :inCity"), Map.of("inCity", supervisedIn(city)));
        }
        if (query.institutionId() != null) {
            list.where(ofCourse.apply("o.institutionId = :institution"), Map.of("institution", query.institutionId()));
        }
        if (query.programmeCode() != null) {
            list.where(ofCourse.apply("o.id IN (SELECT t.id FROM CourseRecord t JOIN t.programmes p "
                    + "WHERE p.code = :programme)"), Map.of("programme", query.programmeCode()));
        }
        return list;
    }

    /** The institutions the city supervises, as the values of an IN list, which may not be empty. */
    private Set<String> supervisedIn(String city) {
        Set<String> institutions = registrations.supervisedIn(city);
        return institutions.isEmpty() ? Set.of("") : institutions; // no institution's id is empty
    }

    private static Scope scope(RecordKind kind, CourseRecord course, Set<String> cities) {
        return Scope.institution(kind, course.id(), course.institutionId(), cities)
                .published(course.status() == Course.Status.ONLINE);
    }
}
