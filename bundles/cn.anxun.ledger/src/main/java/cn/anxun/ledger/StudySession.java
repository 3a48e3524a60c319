package cn.anxun.ledger;

import java.time.Instant;

/**
 * A learner's study of one course of a class, from a passed face check to its end.
 *
 * @param replaced the session this one ended when it started, or {@code null}
 * @param reason why it is paused or ended; {@code null} while active
 */
public record StudySession(String id, String learnerId, String classId, String courseId, Status status,
        Reason reason, Instant startedAt, Instant endedAt, String replaced) {

    public enum Status {
        ACTIVE,
        /** Nothing is credited until a face check passes. */
        PAUSED,
        ENDED
    }

    /** Why a session paused or ended. */
    public enum Reason {
        FACE_CHECK_FAILED,
        FACE_CHECK_MISSED,
        IDLE,
        /** The learner started a session elsewhere. */
        REPLACED,
        DAILY_CAP_REACHED,
        ONLINE_HOURS_REACHED,
        ENDED_BY_LEARNER
    }
}
