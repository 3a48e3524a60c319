package cn.anxun.cities;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import cn.anxun.api.city.CityModule;

/**
 * The city modules this distribution carries, installed or not, and their installation. A module is a Karaf
 * feature {@code anxun-city-<name>}; what city it is comes from the descriptor inside its bundle.
 */
@ProviderType
public interface CityModuleCatalog {

    /**
     * A city module of the distribution.
     *
     * @param feature the Karaf feature that installs it
     * @param module what its descriptor says
     * @param installed whether the feature is installed now
     */
    record AvailableModule(String feature, CityModule module, boolean installed) {
    }

    /** Every city module of the distribution, ordered by city code. */
    List<AvailableModule> available();

    /**
     * Installs the module of a city; nothing happens if it is installed. The city registry lists the city once its
     * bundle has started, a moment later.
     *
     * @throws java.util.NoSuchElementException if the distribution has no module for the city
     */
    AvailableModule install(String code);

    /** Uninstalls the module of a city; its records stay. Nothing happens if it is not installed. */
    AvailableModule uninstall(String code);
}
