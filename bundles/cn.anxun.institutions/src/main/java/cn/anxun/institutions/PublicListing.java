package cn.anxun.institutions;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * What anyone may read about the online training institutions of a city: those registered now and the city's
 * announcements, ordered by registration number and publication only. It carries no ranking of any kind.
 *
 * @param officialListUrl the city bureau's own published list, which is authoritative
 */
public record PublicListing(String city, String cityName, String bureau, URI officialListUrl,
        List<Listed> institutions, List<Announcement> announcements) {

    /** A registered institution. */
    public record Listed(String registrationNumber, String name, String creditCode, Instant registeredAt,
            URI officialListUrl) {
    }
}
