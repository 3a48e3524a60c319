package cn.anxun.exams;

import java.util.List;

/**
 * A class's test as its institution defines it.
 *
 * @param minutes the time limit; 120 when absent, as in qualification exams
 * @param attempts how many attempts a learner has; 2 when absent
 * @param passMark the points that pass; 80 % of the total, rounded up, when absent (80 of 100)
 */
public record ExamDraft(List<ExamSection> sections, Integer minutes, Integer attempts, Integer passMark) {
}
