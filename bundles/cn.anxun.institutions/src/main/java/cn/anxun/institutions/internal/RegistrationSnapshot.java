package cn.anxun.institutions.internal;

import javax.persistence.Column;
import javax.persistence.Embeddable;

/**
 * A registration as it stood when an announcement or a report was made of it; kept with them so that they read the
 * same for good.
 */
@Embeddable
class RegistrationSnapshot {

    @Column(length = 36, nullable = false)
    private String registrationId;

    @Column(length = 6, nullable = false)
    private String city;

    @Column(length = 20, nullable = false)
    private String registrationNumber;

    @Column(length = 100, nullable = false)
    private String institutionName;

    @Column(length = 18, nullable = false)
    private String creditCode;

    protected RegistrationSnapshot() {
    }

    RegistrationSnapshot(RegistrationRecord registration) {
        this.registrationId = registration.id();
        this.city = registration.city();
        this.registrationNumber = registration.registrationNumber();
        this.institutionName = registration.institutionName();
        this.creditCode = registration.creditCode();
    }

    String registrationId() {
        return registrationId;
    }

    String city() {
        return city;
    }

    String registrationNumber() {
        return registrationNumber;
    }

    String institutionName() {
        return institutionName;
    }

    String creditCode() {
        return creditCode;
    }
}
