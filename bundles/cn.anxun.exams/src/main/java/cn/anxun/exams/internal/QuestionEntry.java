package cn.anxun.exams.internal;

import java.util.List;

import cn.anxun.exams.Difficulty;
import cn.anxun.exams.QuestionType;

/** A question as a row of a sheet gives it, checked; {@code code} is {@code null} when the row has none. */
record QuestionEntry(String code, QuestionType type, String text, List<String> options, String answer,
        String explanation, String knowledgePoint, Difficulty difficulty) {

    QuestionEntry {
        options = List.copyOf(options);
    }
}
