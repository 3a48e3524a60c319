package cn.anxun.courses;

import java.util.List;

import cn.anxun.identity.Caller;

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

    /** Courses with low satisfaction: the operator sees all, institution staff their own. */
    List<Feedback> lowSatisfaction(Caller caller);
}
