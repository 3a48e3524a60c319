package cn.anxun.exams.internal;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

import cn.anxun.exams.ExamAttempt.AttemptQuestion;
import cn.anxun.exams.Question;

/**
 * A question drawn for an attempt: the version it showed, the order its options were shown in (indexes of the
 * question's own order, e.g. {@code 2031}), and the choice in the question's own letters.
 */
@Entity
@Table(name = "ATTEMPT_QUESTION")
@IdClass(AttemptQuestionRecord.Key.class)
@NamedQuery(name = AttemptQuestionRecord.OF_ATTEMPT, query = "SELECT q FROM AttemptQuestionRecord q "
        + "WHERE q.attemptId = :attempt ORDER BY q.number")
@NamedQuery(name = AttemptQuestionRecord.OF_ATTEMPTS, query = "SELECT q FROM AttemptQuestionRecord q "
        + "WHERE q.attemptId IN :attempts ORDER BY q.attemptId, q.number")
@NamedQuery(name = AttemptQuestionRecord.RESULTS_OF_CLASS, query = "SELECT q.questionId, COUNT(q), "
        + "SUM(CASE WHEN q.scored > 0 THEN 1 ELSE 0 END) FROM AttemptQuestionRecord q, AttemptRecord a "
        + "WHERE q.attemptId = a.id AND a.classId = :class AND q.scored IS NOT NULL GROUP BY q.questionId")
class AttemptQuestionRecord {

    static final String OF_ATTEMPT = "AttemptQuestionRecord.ofAttempt";
    static final String OF_ATTEMPTS = "AttemptQuestionRecord.ofAttempts";
    static final String RESULTS_OF_CLASS = "AttemptQuestionRecord.resultsOfClass";
    private static final String LETTERS = "ABCDEFGH";

    /** The primary key. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        public String attemptId;
        public int number;

        public Key() {
        }

        Key(String attemptId, int number) {
            this.attemptId = attemptId;
            this.number = number;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.attemptId.equals(attemptId) && key.number == number;
        }

        @Override
        public int hashCode() {
            return Objects.hash(attemptId, number);
        }
    }

    @Id
    @Column(length = 36)
    private String attemptId;

    @Id
    private int number;

    @Column(length = 36, nullable = false)
    private String questionId;

    @Column(length = 8, nullable = false)
    private String optionOrder;

    private int points;

    @Column(length = 8)
    private String chosen;

    private Long answeredAt;

    /** The points scored, once graded. */
    private Integer scored;

    protected AttemptQuestionRecord() {
    }

    AttemptQuestionRecord(String attemptId, int number, String questionId, String optionOrder, int points) {
        this.attemptId = attemptId;
        this.number = number;
        this.questionId = questionId;
        this.optionOrder = optionOrder;
        this.points = points;
    }

    int number() {
        return number;
    }

    String questionId() {
        return questionId;
    }

    String attemptId() {
        return attemptId;
    }

    int options() {
        return optionOrder.length();
    }

    /** Saves a choice given in the letters shown, {@code null} to clear it. */
    void choose(String shownLetters, long at) {
        chosen = shownLetters == null ? null : own(shownLetters);
        answeredAt = at;
    }

    /** Scores the choice against the question's answer, all or nothing, and answers the points. */
    int score(Question question) {
        scored = question.answer().equals(chosen) ? points : 0;
        return scored;
    }

    AttemptQuestion view(Question question, boolean ended) {
        List<String> options = new ArrayList<>();
        optionOrder.chars().forEach(index -> options.add(question.options().get(index - '0')));
        return new AttemptQuestion(number, question.type(), question.text(), options, points, shown(chosen),
                ended ? shown(question.answer()) : null, ended ? question.explanation() : null,
                ended ? question.answer().equals(chosen) : null);
    }

    /** Letters of the question's own order as shown, sorted. */
    private String shown(String ownLetters) {
        if (ownLetters == null) {
            return null;
        }
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < optionOrder.length(); i++) {
            if (ownLetters.indexOf(LETTERS.charAt(optionOrder.charAt(i) - '0')) >= 0) {
                shown.append(LETTERS.charAt(i));
            }
        }
        return shown.toString();
    }

    /** Letters as shown, in the question's own order, sorted. */
    private String own(String shownLetters) {
        boolean[] picked = new boolean[LETTERS.length()];
        shownLetters.chars().forEach(letter -> picked[optionOrder.charAt(LETTERS.indexOf(letter)) - '0'] = true);
        StringBuilder own = new StringBuilder();
        for (int i = 0; i < picked.length; i++) {
            if (picked[i]) {
                own.append(LETTERS.charAt(i));
            }
        }
        return own.toString();
    }
}
