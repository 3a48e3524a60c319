package cn.anxun.institutions;

import java.time.Instant;

/**
 * A city's report to the province (上报省厅) of a registration it made, suspended, reinstated or revoked.
 *
 * @param reportedBy the city regulator's account
 */
public record ProvinceReport(String id, String city, String registrationId, String registrationNumber,
        String institutionName, String creditCode, Registration.Action action, String reason, Instant reportedAt,
        String reportedBy) {
}
