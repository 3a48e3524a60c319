package cn.anxun.exams.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.anxun.exams.ExamDraft;
import cn.anxun.exams.ExamSection;
import cn.anxun.exams.Question;
import cn.anxun.exams.QuestionType;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.Violation;

/** The rules of a test's definition and of a learner's choice. */
final class ExamRules {

    static final int DEFAULT_MINUTES = 120;
    static final int DEFAULT_ATTEMPTS = 2;
    /** 80 of 100 points pass (numbers.md), so 80 % of any total. */
    static final int PASS_PERCENT = 80;
    private static final int MAX_QUESTIONS = 200;
    private static final int MAX_POINTS = 100;
    private static final int MAX_ATTEMPTS = 10;
    private static final String LETTERS = "ABCDEFGH";

    /** The rules of a definition, its defaults filled in. */
    record Rules(int passMark, int minutes, int attempts) {
    }

    private ExamRules() {
    }

    /** Checks a definition against the questions of its banks; 422 naming every broken rule. */
    static Rules check(ExamDraft draft, List<Question> questions, int longestMinutes) {
        List<Violation> violations = new ArrayList<>();
        List<ExamSection> sections = draft.sections() == null ? List.of() : draft.sections();
        if (sections.isEmpty()) {
            violations.add(new Violation("sections", "required", "lists at least one section"));
        }
        int total = 0;
        int count = 0;
        for (int i = 0; i < sections.size(); i++) {
            ExamSection section = sections.get(i);
            String field = "sections[" + i + "].";
            if (section == null || section.type() == null) {
                violations.add(new Violation(field + "type", "required", "is TRUE_FALSE, SINGLE_CHOICE or "
                        + "MULTIPLE_CHOICE"));
                continue;
            }
            if (section.count() < 1 || section.count() > MAX_QUESTIONS) {
                violations.add(new Violation(field + "count", "range", "is 1 to " + MAX_QUESTIONS));
            } else {
                int fitting = Draw.fits(questions, sections, section);
                if (fitting < section.count()) {
                    violations.add(new Violation(field + "count", "enough-questions", "is more than the " + fitting
                            + " questions in force in the banks of the class's programme that fit the section"));
                }
            }
            if (section.points() < 1 || section.points() > MAX_POINTS) {
                violations.add(new Violation(field + "points", "range", "is 1 to " + MAX_POINTS));
            }
            total += Math.max(section.count(), 0) * Math.max(section.points(), 0);
            count += Math.max(section.count(), 0);
        }
        if (count > MAX_QUESTIONS) {
            violations.add(new Violation("sections", "max-questions", "draw at most " + MAX_QUESTIONS
                    + " questions in all"));
        }
        int passMark = draft.passMark() == null ? (total * PASS_PERCENT + 99) / 100 : draft.passMark();
        if (passMark < 1 || passMark > Math.max(total, 1)) {
            violations.add(new Violation("passMark", "range", "is 1 to the total of " + total + " points"));
        }
        int minutes = draft.minutes() == null ? DEFAULT_MINUTES : draft.minutes();
        if (minutes < 1 || minutes > longestMinutes) {
            violations.add(new Violation("minutes", "range", "is 1 to " + longestMinutes));
        }
        int attempts = draft.attempts() == null ? DEFAULT_ATTEMPTS : draft.attempts();
        if (attempts < 1 || attempts > MAX_ATTEMPTS) {
            violations.add(new Violation("attempts", "range", "is 1 to " + MAX_ATTEMPTS));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new Rules(passMark, minutes, attempts);
    }

    /**
     * A choice as option letters shown, sorted; {@code null} for none. 422 for letters beyond the options, or more
     * than one for a true/false or single-choice question.
     */
    static String choice(QuestionType type, int options, String choice) {
        if (choice == null || choice.isBlank()) {
            return null;
        }
        String letters = choice.toUpperCase(Locale.ROOT).replaceAll("[\\s,]", "");
        StringBuilder sorted = new StringBuilder();
        for (int i = 0; i < options; i++) {
            if (letters.indexOf(LETTERS.charAt(i)) >= 0) {
                sorted.append(LETTERS.charAt(i));
            }
        }
        boolean onlyOptions = letters.chars().allMatch(c -> LETTERS.indexOf(c) >= 0 && LETTERS.indexOf(c) < options)
                && letters.chars().distinct().count() == letters.length();
        if (!onlyOptions || type != QuestionType.MULTIPLE_CHOICE && sorted.length() > 1) {
            throw new InvalidInputException("choice", "option-letters", "is " + (type == QuestionType.MULTIPLE_CHOICE
                    ? "one or more of" : "one of") + " the letters A to " + LETTERS.charAt(options - 1));
        }
        return sorted.toString();
    }
}
