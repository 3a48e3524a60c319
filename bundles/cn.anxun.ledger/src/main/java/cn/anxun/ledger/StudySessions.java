package cn.anxun.ledger;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

import cn.anxun.classes.Breakdown;
import cn.anxun.identity.Caller;

/**
 * Study sessions, every rule decided here whatever the client claims. A session is the calling learner's
 * alone: nobody else starts, beats, captures or answers for it.
 */
@ProviderType
public interface StudySessions {

    /**
     * Starts a session once a face check of the capture passes; ends any other session of the learner.
     *
     * @throws cn.anxun.identity.ConflictException if the capture did not pass, or a cap leaves nothing to earn
     */
    StudyAnswer start(Caller learner, String classId, String courseId, byte[] capture);

    StudyAnswer heartbeat(Caller learner, String sessionId, Heartbeat heartbeat);

    /** A face check during the session: a pass credits the time since the last one, a failure pauses. */
    StudyAnswer capture(Caller learner, String sessionId, byte[] capture);

    /** The learner's answer to an idle prompt. */
    StudyAnswer confirmPresence(Caller learner, String sessionId);

    /** Ends the session; time since the last passed face check is not credited. */
    StudyAnswer end(Caller learner, String sessionId);

    StudySession get(Caller caller, String sessionId);

    /**
     * How many learners of a region (the province, a city or a county) in the caller's reach study now, their session
     * beating within two heartbeats, broken down; parts where nobody studies are absent.
     *
     * @since 1.4
     */
    Map<String, Long> studying(Caller caller, String region, Breakdown by);
}
