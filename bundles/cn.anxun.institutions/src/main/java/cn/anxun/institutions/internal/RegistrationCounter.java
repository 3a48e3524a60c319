package cn.anxun.institutions.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * The registration numbers a city gave in a year. An approval locks its row, so numbers are given one at a time
 * and never twice.
 */
@Entity
@Table(name = "REGISTRATION_COUNTER")
class RegistrationCounter {

    /** City and year, e.g. {@code 440100-2026}. */
    @Id
    @Column(length = 11)
    private String cityYear;

    private int given;

    protected RegistrationCounter() {
    }

    RegistrationCounter(String cityYear) {
        this.cityYear = cityYear;
    }

    /** The next number, e.g. {@code 440100-2026-0007}. */
    String next() {
        given++;
        return cityYear + "-" + String.format("%04d", given);
    }
}
