package cn.anxun.exams;

import java.time.Instant;

/** An answer as it was saved, and the attempt's clock. */
public record AnswerSaved(int number, String chosen, Instant savedAt, Instant deadline, Instant faceCheckDue) {
}
