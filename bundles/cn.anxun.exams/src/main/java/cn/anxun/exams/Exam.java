package cn.anxun.exams;

import java.time.Instant;
import java.util.List;

/**
 * The test of a class: each learner draws their own questions by its sections from the banks of the class's
 * programme, the institution's and the province's.
 *
 * @param banks the banks it draws from
 */
public record Exam(String classId, String programmeCode, List<String> banks, List<ExamSection> sections,
        int questions, int totalPoints, int passMark, int minutes, int attempts, Instant definedAt,
        String definedBy) {

    public Exam {
        banks = List.copyOf(banks);
        sections = List.copyOf(sections);
    }
}
