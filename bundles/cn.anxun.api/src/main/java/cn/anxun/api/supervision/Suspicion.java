package cn.anxun.api.supervision;

import java.util.List;
import java.util.Objects;

/**
 * One pattern found: about a learner, or about an institution in a city.
 *
 * @param key what makes it this suspicion and no other, e.g. {@code shared-face:<learner id>}; found again under the
 *        same key, it adds its records to the flag already kept
 * @param learnerId the learner it is about, or {@code null} for an institution's
 * @param institutionId the institution it is about, for an institution's; a learner's is looked up
 * @param city the city of an institution's; a learner's region is looked up
 * @param summary what was seen, with its figures, in Chinese or English
 * @param records the records that show it, each as {@code <kind>:<id>}, e.g. {@code study-session:7f3c…}
 */
public record Suspicion(String key, String learnerId, String institutionId, String city, String summary,
        List<String> records) {

    public Suspicion {
        Objects.requireNonNull(key, "key");
        records = List.copyOf(records);
    }

    /** A learner's. */
    public static Suspicion ofLearner(String key, String learnerId, String summary, List<String> records) {
        return new Suspicion(key, Objects.requireNonNull(learnerId, "learnerId"), null, null, summary, records);
    }

    /** An institution's, in one of the cities it trains in. */
    public static Suspicion ofInstitution(String key, String institutionId, String city, String summary,
            List<String> records) {
        return new Suspicion(key, null, Objects.requireNonNull(institutionId, "institutionId"),
                Objects.requireNonNull(city, "city"), summary, records);
    }
}
