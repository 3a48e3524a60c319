package cn.anxun.classes;

import java.time.Instant;
import java.util.List;

import javax.persistence.EntityManager;

import org.osgi.annotation.versioning.ProviderType;

import cn.anxun.identity.Caller;
import cn.anxun.identity.RecordKind;
import cn.anxun.identity.RegionQuery;
import cn.anxun.identity.Scope;

/**
 * The classes. Their institution's staff open them and enrol learners; the operator and the regulators whose region
 * covers the class's city read them; enrolled learners read their own.
 */
@ProviderType
public interface Classes {

    /**
     * Opens a class of the caller's institution in a city where it is registered; 422 naming every broken rule.
     */
    TrainingClass open(Caller caller, String institutionId, ClassDraft draft);

    TrainingClass get(Caller caller, String classId);

    List<TrainingClass> ofInstitution(Caller caller, String institutionId);

    /**
     * The classes in the caller's reach that match the query, newest opened first: a region filter selects the
     * classes of its city (a county's, the classes of the city it lies in); dates select the classes running on
     * some day of the period.
     *
     * @throws cn.anxun.identity.InvalidInputException naming a filter or the page position that is not valid
     * @since 2.0
     */
    ClassList list(Caller caller, RegionQuery query);

    /** The classes a learner is enrolled in, for the learner and those who may see them. */
    List<TrainingClass> ofLearner(Caller caller, String learnerId);

    /** Enrols learners of the class's city whom the caller's institution trains; enrolling twice changes nothing. */
    TrainingClass enrol(Caller caller, String classId, List<String> learnerIds);

    /**
     * A record of the kind in the class, for the access policy: it belongs to the class's institution and lies in the
     * class's city.
     *
     * @throws cn.anxun.identity.NotFoundException if there is no such class
     * @since 1.3
     */
    Scope scope(RecordKind kind, String classId);

    /**
     * A record of one learner in the class, for the access policy: it belongs to the class's institution, lies in the
     * class's city and in the learner's region as enrolled (county, else city), and is about the learner.
     *
     * @throws cn.anxun.identity.NotFoundException if there is no such class
     * @since 1.6
     */
    Scope scope(RecordKind kind, String classId, String learnerId);

    /**
     * The learners enrolled whose records the caller may read, in the order they were enrolled: every one for those
     * who may read the class's records; for a regulator below the class's city (a county's), those of their region.
     *
     * @throws cn.anxun.identity.AccessDeniedException for anyone else
     */
    List<String> learners(Caller caller, String classId);

    /**
     * The learners enrolled in the class who lie in the caller's region, their county else city, if the caller may
     * read the enrolments of that region; none for anyone else. Never refuses.
     *
     * @since 1.6
     */
    List<String> learnersOfRegion(Caller caller, String classId);

    /**
     * Where the calling learner may study the course now: enrolled in the class, the class running today, the
     * course one of it and online, the institution registered in the class's city.
     *
     * @throws cn.anxun.identity.AccessDeniedException if the caller is not a learner enrolled in the class, or the
     *         course is not online
     * @throws cn.anxun.identity.NotFoundException if the course is not one of the class's
     * @throws cn.anxun.identity.ConflictException naming the first condition of the class that is not met
     */
    StudyPlace studyPlace(Caller learner, String classId, String courseId);

    /**
     * The class the calling learner takes part in now, e.g. by taking its test: enrolled, the class running today,
     * the institution registered in the class's city.
     *
     * @throws cn.anxun.identity.AccessDeniedException if the caller is not a learner enrolled in the class
     * @throws cn.anxun.identity.ConflictException naming the first condition of the class that is not met
     * @since 1.1
     */
    TrainingClass attending(Caller learner, String classId);

    /**
     * Enrolments in the caller's reach that match the query, in the order of class and learner: hours, test and
     * certificate, for supervision.
     *
     * @throws cn.anxun.identity.InvalidInputException naming a filter or the page position that is not valid
     * @since 1.4
     */
    ProgressList progress(Caller caller, RegionQuery query);

    /**
     * The enrolments of a region (the province, a city or a county) that are in the caller's reach, broken down.
     *
     * @since 1.4
     */
    List<EnrolmentTotals> totals(Caller caller, String region, Breakdown by);

    /**
     * Adds credited time (negative for a correction) to an enrolment, in the transaction that writes the ledger entry,
     * so that the two commit together.
     *
     * @since 1.4
     */
    void credited(EntityManager transaction, String classId, String learnerId, long seconds, Instant at);

    /**
     * Counts a graded attempt at the class's test, in the transaction that grades it.
     *
     * @since 1.4
     */
    void tested(EntityManager transaction, String classId, String learnerId, boolean passed, int score, Instant at);

    /**
     * Records the certificate of an enrolment, or its revocation, in the transaction that issues or revokes it.
     *
     * @since 1.4
     */
    void certified(EntityManager transaction, String classId, String learnerId, String certificate, boolean revoked);
}
