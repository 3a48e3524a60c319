package cn.anxun.cities;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The cities of this platform. A city is installed while a city module provides it; once seen, it stays
 * known for good, so records kept for a city outlive the removal of its module.
 */
@ProviderType
public interface CityRegistry {

    /** Cities whose module is installed now, ordered by code. Never touches the database. */
    List<City> installed();

    /** Every city ever installed here, installed or not, ordered by code. */
    List<City> known();

    /** The city with this GB/T 2260 code if it is installed or was installed before. */
    Optional<City> find(String code);
}
