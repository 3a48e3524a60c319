package cn.anxun.cities;

import java.time.Instant;

import cn.anxun.api.city.CityModule;

/**
 * A city as the registry knows it.
 *
 * @param module what its module describes; for a removed city, the description it last had
 * @param source the bundle providing the module now ({@code symbolic-name/version}), or {@code null} once removed
 * @param firstInstalled when a module for this city first came up on this platform
 * @param lastInstalled when a module for this city last came up
 * @param lastRemoved when its module last went away, or {@code null} if it never did
 */
public record City(CityModule module, String source, Instant firstInstalled, Instant lastInstalled, Instant lastRemoved) {

    public String code() {
        return module.code();
    }

    public boolean installed() {
        return source != null;
    }
}
