package cn.anxun.face;

import java.time.Instant;

import cn.anxun.api.face.FaceComparison;
import cn.anxun.api.face.FaceReason;

/**
 * One face check of a learner.
 *
 * @param provider the id of the face provider that answered, or {@code null} if none could
 * @param score on that provider's scale; {@code null} when no comparison took place, and in what the learner sees
 * @param threshold the score from which the provider's answer was a match; {@code null} in what the learner sees
 * @param reason why the check did not pass; {@code null} if it did
 * @param captureKeptUntil when the sealed capture is deleted
 */
public record FaceCheck(String id, String learnerId, Instant at, Purpose purpose, String provider, Double score,
        Double threshold, FaceComparison.Decision decision, FaceReason reason, Instant captureKeptUntil) {

    /** Why the check was taken. */
    public enum Purpose {
        /** Before a study session opens. */
        STUDY_START,
        /** At a random moment while studying. */
        DURING_STUDY,
        /** Before and during a test. */
        EXAM,
        /** The learner tries the camera; counts for nothing. */
        TRIAL
    }

    /**
     * The check as the learner sees it: without the score and the threshold, which would let someone who studies for
     * another tune a photo until it passes.
     */
    public FaceCheck withoutScore() {
        return new FaceCheck(id, learnerId, at, purpose, provider, null, null, decision, reason, captureKeptUntil);
    }

    public boolean passed() {
        return decision == FaceComparison.Decision.MATCH;
    }
}
