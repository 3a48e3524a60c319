package cn.anxun.exams;

import java.time.Instant;
import java.util.List;

/**
 * One version of a question of a bank. A version never changes: a revision is a new version under the same code.
 *
 * @param id the id of this version
 * @param code the question's code in its bank, the same for all its versions
 * @param options the options in the order the author gave them; for true/false questions 正确 and 错误
 * @param answer the letters of the right options in order, e.g. {@code "A"} or {@code "ACD"}
 * @param knowledgePoint the topic it tests, or {@code null}
 * @param explanation why the answer is right, or {@code null}
 * @param current whether this is the version tests draw; {@code false} once revised or retired
 */
public record Question(String id, String bankId, String code, int version, QuestionType type, String text,
        List<String> options, String answer, String explanation, String knowledgePoint, Difficulty difficulty,
        boolean current, Instant addedAt, String addedBy) {

    public Question {
        options = List.copyOf(options);
    }
}
