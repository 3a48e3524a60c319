package cn.anxun.identity;

/**
 * How this platform finds an ID number it keeps sealed.
 *
 * @param hash the keyed hash of the number: the same number gives the same hash on this platform, and no other
 * @param registered whether a learner is registered with the number
 * @since 1.7
 */
public record IdNumberLookup(String hash, boolean registered) {
}
