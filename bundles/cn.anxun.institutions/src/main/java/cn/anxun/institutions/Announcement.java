package cn.anxun.institutions;

import java.time.Instant;

/**
 * A public announcement (公告) of a city bureau's decision on a registration: a registration, a suspension, its end,
 * or a revocation. Its text is fixed when it is published.
 */
public record Announcement(String id, String city, String registrationNumber, String institutionName,
        String creditCode, Registration.Action action, String title, String text, Instant publishedAt) {
}
