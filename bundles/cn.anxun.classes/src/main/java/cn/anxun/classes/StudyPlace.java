package cn.anxun.classes;

import cn.anxun.courses.Course;

/**
 * A course a learner may study now, in the class they study it in.
 *
 * @param region the learner's region in the class, as enrolled: their county, else city (since 1.5)
 */
public record StudyPlace(TrainingClass trainingClass, Course course, String region) {
}
