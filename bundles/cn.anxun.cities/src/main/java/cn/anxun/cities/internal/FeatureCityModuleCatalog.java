package cn.anxun.cities.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
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

/**
 * The {@code anxun-city-*} features of the Karaf features service. Each descriptor is read once from the feature's
 * bundle in {@code system/} (the bundle itself is not installed for that) and kept by feature.
 */
@Component(service = CityModuleCatalog.class)
public class FeatureCityModuleCatalog implements CityModuleCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(FeatureCityModuleCatalog.class);
    private static final String PREFIX = "anxun-city-";

    private final FeaturesService features;
    private final CityDescriptorReader reader = new CityDescriptorReader();
    private final Map<String, CityModule> descriptors = new ConcurrentHashMap<>();

    @Activate
    public FeatureCityModuleCatalog(@Reference FeaturesService features) {
        this.features = features;
    }

    @Override
    public List<AvailableModule> available() {
        List<AvailableModule> modules = new ArrayList<>();
        try {
            for (Feature feature : features.listFeatures()) {
                if (feature.getName().startsWith(PREFIX) && !feature.getBundles().isEmpty()) {
                    CityModule module = descriptors.computeIfAbsent(feature.getId(), id -> descriptor(feature));
                    if (module != null) {
                        modules.add(new AvailableModule(feature.getName(), module, features.isInstalled(feature)));
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("The Karaf features cannot be listed", e);
        }
        modules.sort(Comparator.comparing(available -> available.module().code()));
        return modules;
    }

    /** The descriptor in the feature's bundle, or {@code null} (logged) if it has none that reads. */
    private CityModule descriptor(Feature feature) {
        String location = feature.getBundles().get(0).getLocation();
        try (JarInputStream jar = new JarInputStream(new URL(location).openStream())) {
            String path = jar.getManifest() == null ? null
                    : jar.getManifest().getMainAttributes().getValue(CityModule.DESCRIPTOR_HEADER);
            for (ZipEntry entry = jar.getNextEntry(); path != null && entry != null; entry = jar.getNextEntry()) {
                if (entry.getName().equals(path)) {
                    return reader.read(uncloseable(jar));
                }
            }
            LOG.warn("Feature {} names no city descriptor in {}", feature.getName(), location);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Feature {}: the city descriptor in {} cannot be read: {}", feature.getName(), location,
                    e.getMessage());
        }
        return null;
    }

    private static InputStream uncloseable(JarInputStream jar) {
        return new FilterInputStream(jar) {
            @Override
            public void close() {
                // the jar is closed by its owner
            }
        };
    }

    @Override
    public AvailableModule install(String code) {
        AvailableModule module = find(code);
        change(() -> features.installFeature(module.feature(), EnumSet.noneOf(FeaturesService.Option.class)));
        return new AvailableModule(module.feature(), module.module(), true);
    }

    @Override
    public AvailableModule uninstall(String code) {
        AvailableModule module = find(code);
        if (module.installed()) {
            change(() -> features.uninstallFeature(module.feature()));
        }
        return new AvailableModule(module.feature(), module.module(), false);
    }

    private AvailableModule find(String code) {
        return available().stream().filter(module -> module.module().code().equals(code)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("This distribution has no module for city " + code));
    }

    private interface FeatureChange {
        void run() throws Exception;
    }

    private static void change(FeatureChange change) {
        try {
            change.run();
        } catch (Exception e) {
            throw new IllegalStateException("The feature change failed: " + e.getMessage(), e);
        }
    }
}
