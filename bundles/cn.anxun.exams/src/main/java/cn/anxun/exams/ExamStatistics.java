package cn.anxun.exams;

import java.util.List;

/**
 * How a class's learners did in its test, from the attempts graded so far.
 *
 * @param attempts the attempts graded (passed or failed); voided ones are counted apart
 * @param learners the learners with a graded attempt
 * @param passRate the share of those learners who passed, 0 to 1; {@code null} before the first
 * @param meanScore the mean score of graded attempts; {@code null} before the first
 * @param scoreBands how many graded attempts scored in each tenth of the total points, the last band including the
 *        total: 0–9 %, 10–19 %, … 90–100 %
 * @param medianMinutes the median time from start to hand-in of graded attempts
 * @param questions each question drawn, the most often wrong first
 */
public record ExamStatistics(String classId, int attempts, int voided, int learners, int passedLearners,
        Double passRate, Double meanScore, List<Integer> scoreBands, Double medianMinutes,
        List<QuestionStatistics> questions) {

    public ExamStatistics {
        scoreBands = List.copyOf(scoreBands);
        questions = List.copyOf(questions);
    }

    /**
     * One question version's results in the class's graded attempts.
     *
     * @param wrongRate the share of its graded draws answered wrongly or not at all
     */
    public record QuestionStatistics(String questionId, String code, int version, QuestionType type, String text,
            String knowledgePoint, int drawn, int correct, double wrongRate) {
    }
}
