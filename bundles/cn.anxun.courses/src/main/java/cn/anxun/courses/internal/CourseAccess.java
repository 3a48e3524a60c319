package cn.anxun.courses.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import cn.anxun.courses.Course;
import cn.anxun.identity.AccessPolicy;
import cn.anxun.identity.Caller;
import cn.anxun.identity.Operation;
import cn.anxun.identity.RecordKind;
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

    private static Scope scope(RecordKind kind, CourseRecord course, Set<String> cities) {
        return Scope.institution(kind, course.id(), course.institutionId(), cities)
                .published(course.status() == Course.Status.ONLINE);
    }
}
