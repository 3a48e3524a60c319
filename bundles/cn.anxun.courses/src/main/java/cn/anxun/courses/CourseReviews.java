package cn.anxun.courses;

import java.util.List;
import java.util.Map;

import cn.anxun.identity.Caller;

/**
 * The review of courses: the institution submits, the automatic checks run, the operator decides, the
 * regulators of the institution's cities spot-check, and any of them takes a course down. Every step is history.
 */
public interface CourseReviews {

    /**
     * Submits a draft with the institution's declarations. Refused (422) while a unit has a blocking finding, its
     * hours exceed a programme's online hours or a declaration is missing; 409 while a validator has not yet read
     * a unit's media.
     */
    Course submit(Caller caller, String courseId, ReviewStep.Declarations declarations);

    /** The operator's decision: {@code APPROVE} with every aspect passed, or {@code RETURN} with the failed ones. */
    Course decide(Caller caller, String courseId, ReviewStep.Action decision, Map<ReviewStep.Aspect,
            ReviewStep.Verdict> aspects);

    /** A regulator's spot check of a course of an institution in their region, with what they found. */
    Course spotCheck(Caller caller, String courseId, String finding);

    /** Takes a course offline with a reason: its institution, the operator, or a regulator of its region. */
    Course takeDown(Caller caller, String courseId, String reason);

    /** The courses in a status the caller may see, oldest change first: the operator's queue is {@code IN_REVIEW}. */
    List<Course> inStatus(Caller caller, Course.Status status);
}
