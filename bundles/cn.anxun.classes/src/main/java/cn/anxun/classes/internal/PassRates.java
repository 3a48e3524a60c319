package cn.anxun.classes.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which institutions of a city pass far more of their tested learners than the others: by at least two standard
 * deviations of the others' rates and by at least fifteen points, each rate from enough tested learners to count.
 */
final class PassRates {

    /** Tested learners an institution needs for its rate to count, its own and the others'. */
    static final long MIN_TESTED = 20;
    /** Institutions besides the one weighed that a comparison needs. */
    static final int MIN_OTHERS = 2;
    static final double MIN_MARGIN = 0.15;

    /** An institution's tested and passed learners. */
    record Rate(long tested, long passed) {

        double share() {
            return tested == 0 ? 0 : (double) passed / tested;
        }
    }

    private PassRates() {
    }

    /** The institutions that stand out, each with the mean rate of the others. */
    static Map<String, Double> outlying(Map<String, Rate> city) {
        Map<String, Double> outlying = new TreeMap<>();
        city.forEach((institution, rate) -> {
            if (rate.tested() < MIN_TESTED) {
                return;
            }
            double[] others = city.entrySet().stream().filter(other -> !other.getKey().equals(institution)
                    && other.getValue().tested() >= MIN_TESTED).mapToDouble(other -> other.getValue().share())
                    .toArray();
            if (others.length < MIN_OTHERS) {
                return;
            }
            double mean = Arrays.stream(others).average().orElse(0);
            double deviation = Math.sqrt(Arrays.stream(others).map(share -> (share - mean) * (share - mean))
                    .sum() / others.length);
            if (rate.share() - mean >= Math.max(2 * deviation, MIN_MARGIN)) {
                outlying.put(institution, mean);
            }
        });
        return outlying;
    }
}
