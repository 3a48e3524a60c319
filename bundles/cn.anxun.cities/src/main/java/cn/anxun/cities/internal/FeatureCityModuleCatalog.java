package cn.anxun.cities.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.anxun.api.city.CityModule;
import cn.anxun.cities.CityModuleCatalog;
import cn.anxun.plugins.Plugins;

/**
 * The {@code anxun-city-*} features of the Karaf features service. Each descriptor is read once from the feature's
 * bundle in {@code system/} (the bundle itself is not installed for that) and kept by feature id, as is the
 * failure to read one.
 */
@Component(service = CityModuleCatalog.class)
public class FeatureCityModuleCatalog implements CityModuleCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(FeatureCityModuleCatalog.class);
    private static final String PREFIX = "anxun-city-";

    /** A module and the feature that carries it. */
    private record Carried(Feature feature, AvailableModule module) {
    }

    private final FeaturesService features;
    private final Plugins plugins;
    private final CityDescriptorReader reader = new CityDescriptorReader();
    private final Map<String, Optional<CityModule>> descriptors = new ConcurrentHashMap<>();

    @Activate
    public FeatureCityModuleCatalog(@Reference FeaturesService features, @Reference Plugins plugins) {
        this.features = features;
        this.plugins = plugins;
    }

    @Override
    public List<AvailableModule> available() {
        return carried().stream().map(Carried::module).toList();
    }

    private List<Carried> carried() {
        List<Carried> modules = new ArrayList<>();
        try {
            for (Feature feature : features.listFeatures()) {
                if (feature.getName().startsWith(PREFIX) && !feature.getBundles().isEmpty()) {
                    Optional<CityModule> module = descriptors.get(feature.getId());
                    if (module == null) {
                        module = descriptor(feature);
                        descriptors.put(feature.getId(), module);
                    }
                    module.ifPresent(city -> modules.add(new Carried(feature, new AvailableModule(feature.getName(),
                            city, features.isInstalled(feature), features.isRequired(feature)))));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("The Karaf features cannot be listed", e);
        }
        modules.sort(Comparator.comparing(carried -> carried.module().module().code()));
        return modules;
    }

    /** The descriptor in the feature's bundle, or empty (logged) if it has none that reads. */
    private Optional<CityModule> descriptor(Feature feature) {
        String location = feature.getBundles().get(0).getLocation();
        try (InputStream raw = new URL(location).openStream(); JarInputStream jar = new JarInputStream(raw)) {
            String path = jar.getManifest() == null ? null
                    : jar.getManifest().getMainAttributes().getValue(CityModule.DESCRIPTOR_HEADER);
            for (ZipEntry entry = jar.getNextEntry(); path != null && entry != null; entry = jar.getNextEntry()) {
                if (entry.getName().equals(path)) {
                    return Optional.of(reader.read(uncloseable(jar)));
                }
            }
            LOG.warn("Feature {} names no city descriptor in {}", feature.getId(), location);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Feature {}: the city descriptor in {} cannot be read: {}", feature.getId(), location,
                    e.getMessage());
        }
        return Optional.empty();
    }

    private static InputStream uncloseable(JarInputStream jar) {
        return new FilterInputStream(jar) {
            @Override
            public void close() {
                // the jar is closed by its owner
            }
        };
    }

    /** Decided for every node of the platform: this one installs it at once, the others within seconds. */
    @Override
    public AvailableModule install(String code) {
        plugins.install(find(code).feature().getName());
        return find(code).module();
    }

    @Override
    public AvailableModule uninstall(String code) {
        try {
            plugins.uninstall(find(code).feature().getName());
        } catch (Plugins.PartOfAnotherFeature e) {
            throw new InstalledWithAnotherFeature("The module of " + find(code).module().module().name() + " was "
                    + "installed as part of another feature (such as anxun-cities-guangdong); uninstall that feature, "
                    + "or install this module by itself first.");
        }
        return find(code).module();
    }

    private Carried find(String code) {
        return carried().stream().filter(carried -> carried.module().module().code().equals(code)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("This distribution has no module for city " + code));
    }
}
