package cn.anxun.api.face;

/**
 * A provider's answer to a comparison.
 *
 * @param score the similarity on the provider's scale, or {@code NaN} when no comparison took place
 * @param reason why the answer is not {@link Decision#MATCH}; {@code null} for a match
 */
public record FaceComparison(Decision decision, double score, FaceReason reason) {

    public enum Decision {
        MATCH,
        MISMATCH,
        /** The images or the provider did not allow a comparison; {@code reason} says why. */
        UNDECIDED
    }

    /** A comparison that took place: a match at or above the threshold, else a mismatch. */
    public static FaceComparison scored(double score, double threshold) {
        return score >= threshold ? new FaceComparison(Decision.MATCH, score, null)
                : new FaceComparison(Decision.MISMATCH, score, FaceReason.MISMATCH);
    }

    public static FaceComparison undecided(FaceReason reason) {
        return new FaceComparison(Decision.UNDECIDED, Double.NaN, reason);
    }
}
