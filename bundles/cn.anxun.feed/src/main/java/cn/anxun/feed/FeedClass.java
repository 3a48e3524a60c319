package cn.anxun.feed;

import java.time.LocalDate;

/**
 * A class (培训班, R-20), an item of the feed's {@code classes}.
 *
 * @param city where the class is held, a registration city of the institution
 * @param kind INITIAL or REFRESHER training
 * @param onlineHours the study hours the class credits online at most
 */
public record FeedClass(String id, String institutionId, String name, String city, String programmeCode,
        int programmeVersion, String programmeName, String kind, int onlineHours, LocalDate startsOn,
        LocalDate endsOn, int learners) {
}
