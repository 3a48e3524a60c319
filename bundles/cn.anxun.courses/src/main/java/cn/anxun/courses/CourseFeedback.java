package cn.anxun.courses;

import java.util.List;

import cn.anxun.identity.Caller;
import cn.anxun.identity.RegionQuery;

/**
 * Learners' ratings and comments on online courses and their teachers. Comments pass every installed content
 * filter before they are shown; a course that learners rate under the configured threshold is flagged to its
 * institution and the operator.
 */
public interface CourseFeedback {

    /** A learner rates an online course; a second rating by the same learner replaces the first. */
    Feedback.Given rate(Caller caller, String courseId, Feedback.Rating rating);

    /** The course's feedback, for those who may read the course. */
    Feedback of(Caller caller, String courseId);

    /**
     * The ratings of courses in the caller's reach that match the query, newest first, each without its learner:
     * filters select by the course as {@link Courses#list} does, dates by the day of rating.
     *
     * @throws cn.anxun.identity.InvalidInputException naming a filter or the page position that is not valid
     * @since 1.4
     */
    CourseRatingList list(Caller caller, RegionQuery query);

    /** Courses with low satisfaction: the operator sees all, institution staff their own. */
    List<Feedback> lowSatisfaction(Caller caller);
}
