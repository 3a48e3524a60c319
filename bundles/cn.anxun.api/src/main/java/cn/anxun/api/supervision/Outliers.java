package cn.anxun.api.supervision;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which institutions of a city stand out above the others in a share (of learners passed, of sessions at night):
 * by at least two standard deviations of the others' shares and by at least fifteen points, each share from enough
 * cases to count. For detectors that compare institutions.
 *
 * @since 1.1
 */
public final class Outliers {

    /** Cases an institution needs for its share to count, its own and the others'. */
    public static final long MIN_CASES = 20;
    /** Institutions besides the one weighed that a comparison needs. */
    public static final int MIN_OTHERS = 2;
    public static final double MIN_MARGIN = 0.15;

    /** An institution's cases and those of them counted. */
    public record Share(long cases, long counted) {

        public double value() {
            return cases == 0 ? 0 : (double) counted / cases;
        }
    }

    private Outliers() {
    }

    /**
     * The shares of each city's institutions, from rows of city, institution, cases and those counted, as a query
     * that groups by city and institution gives them.
     */
    public static Map<String, Map<String, Share>> byCity(List<Object[]> rows) {
        Map<String, Map<String, Share>> cities = new TreeMap<>();
        rows.forEach(row -> cities.computeIfAbsent((String) row[0], city -> new TreeMap<>()).put((String) row[1],
                new Share(((Number) row[2]).longValue(), ((Number) row[3]).longValue())));
        return cities;
    }

    /** The institutions that stand out, each with the mean share of the others. */
    public static Map<String, Double> above(Map<String, Share> city) {
        Map<String, Double> outlying = new TreeMap<>();
        city.forEach((institution, share) -> {
            if (share.cases() < MIN_CASES) {
                return;
            }
            double[] others = city.entrySet().stream().filter(other -> !other.getKey().equals(institution)
                    && other.getValue().cases() >= MIN_CASES).mapToDouble(other -> other.getValue().value())
                    .toArray();
            if (others.length < MIN_OTHERS) {
                return;
            }
            double mean = Arrays.stream(others).average().orElse(0);
            double deviation = Math.sqrt(Arrays.stream(others).map(value -> (value - mean) * (value - mean))
                    .sum() / others.length);
            if (share.value() - mean >= Math.max(2 * deviation, MIN_MARGIN)) {
                outlying.put(institution, mean);
            }
        });
        return outlying;
    }
}
