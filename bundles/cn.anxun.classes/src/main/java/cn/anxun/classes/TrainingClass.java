package cn.anxun.classes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.anxun.courses.TrainingKind;

/**
 * A class of an institution in one city.
 *
 * @param onlineHours the programme version's hours that may be studied online: a learner's credited time in the
 *        class stops there
 * @param courses the online courses its learners study, in order
 * @param learners how many learners are enrolled
 */
public record TrainingClass(String id, String institutionId, String city, String name, String programmeCode,
        int programmeVersion, String programmeName, TrainingKind kind, int onlineHours, List<String> courses,
        LocalDate startsOn, LocalDate endsOn, int learners, Instant openedAt, String openedBy) {

    public TrainingClass {
        courses = List.copyOf(courses);
    }
}
