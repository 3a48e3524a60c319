package cn.anxun.exams.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import cn.anxun.exams.ExamAttempt.Status;
import cn.anxun.exams.ExamStatistics;
import cn.anxun.exams.ExamStatistics.QuestionStatistics;
import cn.anxun.exams.Question;

/** The statistics of a class's test, from its graded attempts. */
final class ClassStatistics {

    private static final int BANDS = 10;

    private ClassStatistics() {
    }

    /** The attempts must be settled: one past its time counts as graded. */
    static ExamStatistics of(EntityManager em, String classId, List<AttemptRecord> attempts) {
        List<AttemptRecord> graded = attempts.stream().filter(attempt -> attempt.status() == Status.PASSED
                || attempt.status() == Status.FAILED).toList();
        Set<String> learners = graded.stream().map(AttemptRecord::learnerId).collect(Collectors.toSet());
        Set<String> passed = graded.stream().filter(attempt -> attempt.status() == Status.PASSED)
                .map(AttemptRecord::learnerId).collect(Collectors.toSet());
        int[] bands = new int[BANDS];
        graded.forEach(attempt -> bands[Math.min(BANDS - 1, attempt.score() * BANDS / Math.max(1,
                attempt.totalPoints()))]++);
        double[] minutes = graded.stream().mapToDouble(attempt -> (attempt.endedAt() - attempt.startedAt()) / 60_000.0)
                .sorted().toArray();
        return new ExamStatistics(classId, graded.size(), (int) attempts.stream().filter(attempt -> attempt.status()
                == Status.VOIDED).count(), learners.size(), passed.size(), learners.isEmpty() ? null
                        : (double) passed.size() / learners.size(), graded.isEmpty() ? null : graded.stream()
                                .mapToInt(AttemptRecord::score).average().orElseThrow(), Arrays.stream(bands).boxed()
                                .toList(), median(minutes), questions(em, classId));
    }

    private static List<QuestionStatistics> questions(EntityManager em, String classId) {
        List<Object[]> rows = em.createNamedQuery(AttemptQuestionRecord.RESULTS_OF_CLASS, Object[].class)
                .setParameter("class", classId).getResultList();
        Map<String, Question> versions = QuestionRecord.versions(em, rows.stream().map(row -> (String) row[0])
                .toList());
        List<QuestionStatistics> questions = new ArrayList<>();
        for (Object[] row : rows) {
            Question question = versions.get((String) row[0]);
            int drawn = ((Number) row[1]).intValue();
            int correct = ((Number) row[2]).intValue();
            questions.add(new QuestionStatistics(question.id(), question.code(), question.version(),
                    question.type(), question.text(), question.knowledgePoint(), drawn, correct,
                    (double) (drawn - correct) / drawn));
        }
        questions.sort(Comparator.comparingDouble(QuestionStatistics::wrongRate).reversed()
                .thenComparing(Comparator.comparingInt(QuestionStatistics::drawn).reversed())
                .thenComparing(QuestionStatistics::code));
        return questions;
    }

    private static Double median(double[] sorted) {
        if (sorted.length == 0) {
            return null;
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
