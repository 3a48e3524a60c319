package cn.anxun.exams;

/**
 * One part of a test's blueprint: how many questions of a type to draw, and what each is worth.
 *
 * @param knowledgePoint only questions of this knowledge point, or any when {@code null}
 * @param difficulty only questions of this difficulty, or any when {@code null}
 */
public record ExamSection(QuestionType type, String knowledgePoint, Difficulty difficulty, int count, int points) {
}
