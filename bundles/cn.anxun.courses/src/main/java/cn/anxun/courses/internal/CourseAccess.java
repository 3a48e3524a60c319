package cn.anxun.courses.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import cn.anxun.courses.Course;
import cn.anxun.identity.AccessDeniedException;
import cn.anxun.identity.Caller;
import cn.anxun.identity.Role;
import cn.anxun.institutions.Registrations;

/**
 * Who may do what with a course: its institution's staff write it; they, the operator, the province regulator and
 * the regulators of the cities where the institution is registered read it; learners read online courses.
 */
final class CourseAccess {

    static final Role[] WRITERS = {Role.INSTITUTION_ADMIN, Role.INSTITUTION_STAFF};
    static final Role[] REGULATORS = {Role.PROVINCE_REGULATOR, Role.CITY_REGULATOR, Role.COUNTY_REGULATOR};

    private final Registrations registrations;

    CourseAccess(Registrations registrations) {
        this.registrations = registrations;
    }

    static void requireWriter(Caller caller, String institutionId) {
        caller.require("write a course", WRITERS);
        if (!institutionId.equals(caller.institutionId())) {
            throw new AccessDeniedException("You write your own institution's courses only.");
        }
    }

    void requireReader(Caller caller, String institutionId, Course.Status status) {
        caller.requireLogin("read a course");
        if (!mayRead(caller, institutionId, status)) {
            throw new AccessDeniedException("You may not read this course: it is another institution's, outside "
                    + "your region, or not online.");
        }
    }

    boolean mayRead(Caller caller, String institutionId, Course.Status status) {
        return mayRead(caller, institutionId, status, () -> regulates(caller, institutionId));
    }

    /**
     * Which of a list's courses the caller may read, asking once per institution, not per course, where the
     * institution is registered.
     */
    Predicate<CourseRecord> readable(Caller caller) {
        Map<String, Boolean> regulated = new HashMap<>();
        return record -> mayRead(caller, record.institutionId(), record.status(),
                () -> regulated.computeIfAbsent(record.institutionId(), id -> regulates(caller, id)));
    }

    private static boolean mayRead(Caller caller, String institutionId, Course.Status status,
            BooleanSupplier regulates) {
        return caller.has(WRITERS) && institutionId.equals(caller.institutionId())
                || caller.has(Role.OPERATOR, Role.PROVINCE_REGULATOR) || regulates.getAsBoolean()
                || caller.has(Role.LEARNER) && status == Course.Status.ONLINE;
    }

    /** Whether the caller is a city or county regulator of a city where the institution is registered. */
    boolean regulates(Caller caller, String institutionId) {
        if (caller.has(Role.PROVINCE_REGULATOR)) {
            return true;
        }
        if (!caller.has(Role.CITY_REGULATOR, Role.COUNTY_REGULATOR)) {
            return false;
        }
        return registrations.supervises(caller.regionCode(), institutionId);
    }
}
