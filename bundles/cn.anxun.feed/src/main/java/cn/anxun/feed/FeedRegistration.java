package cn.anxun.feed;

import java.time.Instant;

/**
 * An institution's registration in a city, an item of the feed's {@code registrations}: an institution that
 * trains in several cities has one in each.
 *
 * @param status SUBMITTED, REGISTERED, SUSPENDED, REVOKED, REFUSED or WITHDRAWN
 * @param registrationNumber given when the city registers it, else {@code null}
 */
public record FeedRegistration(String id, String institutionId, String institutionName, String creditCode,
        String city, String status, String registrationNumber, Instant submittedAt) {
}
