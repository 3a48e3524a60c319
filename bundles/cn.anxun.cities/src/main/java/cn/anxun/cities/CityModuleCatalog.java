package cn.anxun.cities;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import cn.anxun.api.city.CityModule;
import cn.anxun.plugins.Plugins;

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
     * @param byItself whether it is installed in its own right, not only as part of another feature such as the
     *        province-wide {@code anxun-cities-guangdong}
     */
    record AvailableModule(String feature, CityModule module, boolean installed, boolean byItself) {
    }

    /** A module installed as part of another feature cannot be uninstalled alone. */
    class InstalledWithAnotherFeature extends Plugins.PartOfAnotherFeature {

        private static final long serialVersionUID = 1L;

        public InstalledWithAnotherFeature(String message) {
            super(message);
        }
    }

    /** Every city module of the distribution, ordered by city code. */
    List<AvailableModule> available();

    /**
     * Installs the module of a city on every node of the platform: this node at once, the others within seconds
     * (the decision is kept with the plugins'). The city registry lists the city once its bundle has started.
     *
     * @return the module as it is now
     * @throws java.util.NoSuchElementException if the distribution has no module for the city
     */
    AvailableModule install(String code);

    /**
     * Uninstalls the module of a city from every node of the platform, as {@link #install} installs it; its
     * records stay.
     *
     * @return the module as it is now
     * @throws InstalledWithAnotherFeature if it was installed only as part of another feature
     */
    AvailableModule uninstall(String code);
}
