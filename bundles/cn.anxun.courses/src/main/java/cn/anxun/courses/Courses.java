package cn.anxun.courses;

import java.util.List;

import cn.anxun.identity.Caller;
import cn.anxun.identity.RegionQuery;
import cn.anxun.media.MediaContent;

/**
 * The institutions' courses. Institution staff write their own institution's; the operator and the regulators read
 * all of them.
 */
public interface Courses {

    /** A new draft; 422 naming every broken rule, including a practical unit or media of another kind. */
    Course create(Caller caller, String institutionId, CourseDraft draft);

    /** Replaces a draft's content; 409 once the course left the draft state. */
    Course update(Caller caller, String courseId, CourseDraft draft);

    Course get(Caller caller, String courseId);

    /** The institution's courses the caller may read: all for its staff and supervisors, online ones for learners. */
    List<Course> ofInstitution(Caller caller, String institutionId);

    /**
     * The courses in the caller's reach that match the query, newest created first: a course lies in the cities where
     * its institution is registered, so a region filter selects the courses of the institutions its city supervises
     * (a county's, the city it lies in); dates select by the day of creation (China time); a class is not a filter.
     *
     * @throws cn.anxun.identity.InvalidInputException naming a filter or the page position that is not valid
     * @since 1.4
     */
    CourseList list(Caller caller, RegionQuery query);

    /**
     * The medium of a unit, for those who may read the course (learners once it is online): a video or sound, or
     * for a text unit its picture at {@code picture} (from 0).
     */
    MediaContent unitMedia(Caller caller, String courseId, int position, int picture);
}
