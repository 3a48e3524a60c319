package cn.anxun.exams;

import java.time.Instant;
import java.util.List;

/**
 * A learner's attempt at a class's test, with the questions they drew in the order they were shown.
 *
 * @param deadline when the time limit ends; an answer after it does not count
 * @param faceCheckDue when the next face check is asked for, or {@code null} when none is; once it is due, answers
 *        wait until a capture passes, and a check not passed within the grace time voids the attempt
 * @param score the points scored, once graded
 * @param reason why the attempt was voided, e.g. {@code FACE_CHECK_FAILED: NO_MATCH}
 * @param questions the questions, in an attempt's own answer; empty in lists
 * @param faceChecks the ids of the face checks taken during the attempt, in order
 */
public record ExamAttempt(String id, String classId, String learnerId, int number, Status status, Instant startedAt,
        Instant deadline, Instant faceCheckDue, Instant endedAt, Integer score, int totalPoints, int passMark,
        String reason, List<AttemptQuestion> questions, List<String> faceChecks) {

    public ExamAttempt {
        questions = List.copyOf(questions);
        faceChecks = List.copyOf(faceChecks);
    }

    public enum Status {
        OPEN, PASSED, FAILED,
        /** Ended by a face check failed or missed; it counts as an attempt. */
        VOIDED
    }

    /**
     * A question as the attempt shows it: options in the attempt's own order and lettered so.
     *
     * @param chosen the letters chosen, or {@code null}
     * @param answer the right letters, once the attempt has ended; {@code null} before
     * @param explanation the question's explanation, once the attempt has ended
     * @param correct whether the choice was right, once graded
     */
    public record AttemptQuestion(int number, QuestionType type, String text, List<String> options, int points,
            String chosen, String answer, String explanation, Boolean correct) {

        public AttemptQuestion {
            options = List.copyOf(options);
        }
    }
}
