package cn.anxun.classes;

/**
 * How supervision figures are broken down: by the class's city, the learner's county (else city), or institution.
 *
 * @since 1.4
 */
public enum Breakdown {
    CITY, COUNTY, INSTITUTION
}
