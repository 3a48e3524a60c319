package cn.anxun.classes;

import cn.anxun.courses.Course;

/** A course a learner may study now, in the class they study it in. */
public record StudyPlace(TrainingClass trainingClass, Course course) {
}
