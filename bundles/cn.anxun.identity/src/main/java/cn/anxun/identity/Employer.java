package cn.anxun.identity;

/**
 * The unit a learner works for.
 *
 * @param name the unit's registered name
 * @param creditCode its unified social credit code (GB 32100-2015)
 */
public record Employer(String name, String creditCode) {
}
