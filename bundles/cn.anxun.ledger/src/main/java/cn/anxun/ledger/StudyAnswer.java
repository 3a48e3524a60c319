package cn.anxun.ledger;

import java.time.Instant;

/**
 * What the server tells the client after a heartbeat, a capture or a presence answer.
 *
 * @param action what to do next
 * @param faceCheckBy by when a capture must pass, while one is due
 * @param answerBy by when the learner must answer the idle prompt, while one is shown
 * @param returnTo the position in seconds to play from, after a skip ahead that earned nothing
 * @param pendingSeconds time earned since the last passed face check: credited when the next one passes
 * @param todaySeconds credited today, towards the daily cap
 * @param classSeconds credited in the class, towards the programme's online hours
 * @param nextHeartbeatSeconds when to send the next heartbeat
 */
public record StudyAnswer(StudySession session, Action action, Instant faceCheckBy, Instant answerBy,
        Double returnTo, long pendingSeconds, long todaySeconds, long classSeconds, int nextHeartbeatSeconds) {

    public enum Action {
        CONTINUE,
        /** Take a capture and send it before {@code faceCheckBy}. */
        FACE_CHECK,
        /** Ask the learner whether they are there; send their answer before {@code answerBy}. */
        CONFIRM_PRESENCE,
        /** Seek back to {@code returnTo}: the position ran ahead of the time watched. */
        RETURN_TO_POSITION,
        /** Paused: a passed face check resumes. */
        RESUME_WITH_FACE_CHECK,
        /** The session ended; the reason is in it. */
        STOP
    }
}
