package cn.anxun.classes;

import java.util.Optional;

import cn.anxun.identity.Regions;

/**
 * How supervision figures are broken down: by the class's city, the learner's county (else city), or institution.
 * The records supervision counts (enrolments, study sessions) carry all three as attributes of these names.
 *
 * @since 1.4
 */
public enum Breakdown {
    CITY("city"), COUNTY("region"), INSTITUTION("institutionId");

    private final String attribute;

    Breakdown(String attribute) {
        this.attribute = attribute;
    }

    /**
     * The path of the part's attribute in a query of supervised records.
     *
     * @since 1.5
     */
    public String path(String alias) {
        return alias + "." + attribute;
    }

    /**
     * The part a region is, to find its records by: a city's are its classes', a county's its learners'; the
     * province is the whole, empty.
     *
     * @since 1.5
     */
    public static Optional<Breakdown> levelOf(String region) {
        String code = Regions.inGuangdong("region", region);
        return Regions.PROVINCE.equals(code) ? Optional.empty() : Optional.of(Regions.isCity(code) ? CITY : COUNTY);
    }
}
