package cn.anxun.plugins.internal;

import java.io.IOException;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

import javax.sql.DataSource;

import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeatureEvent;
import org.apache.karaf.features.FeaturesListener;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.features.RepositoryEvent;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.anxun.platform.jobs.Scheduler;
import cn.anxun.platform.node.Node;
import cn.anxun.platform.schema.Schemas;
import cn.anxun.plugins.Convergence;
import cn.anxun.plugins.Plugin;
import cn.anxun.plugins.Plugin.Desired;
import cn.anxun.plugins.PluginAdmission;
import cn.anxun.plugins.PluginUptake;
import cn.anxun.plugins.Plugins;

/**
 * The plugins as Karaf features of this node, brought every few seconds to the state the operator decided, which
 * the database keeps for every node. A plugin installed or removed on this node by other means once it has booted
 * (the console's {@code feature:install}, a feature that carries it) is a decision too; what the boot installs is
 * not, so that a node that starts later takes the decisions rather than its distribution's defaults. One change of
 * this node's features at a time: the features service deploys one change at a time anyway. A plugin installed
 * through {@link #install} is checked against the plugin contract before anything of it is installed.
 */
@Component(service = Plugins.class)
public class FeaturePlugins implements Plugins, FeaturesListener {

    private static final Logger LOG = LoggerFactory.getLogger(FeaturePlugins.class);
    /** How often a node looks at the decided state: a decision taken on another node arrives within it. */
    static final Duration LOOK = Duration.ofSeconds(5);
    /** By name, as the readiness check looks for it: registered once the boot's features are installed. */
    private static final String BOOT_FINISHED = "org.apache.karaf.features.BootFinished";

    private final BundleContext context;
    private final FeaturesService features;
    private final Node node;
    private final Clock clock;
    private final DecidedStates decided;
    private final PluginAdmission admission;
    private final ReentrantLock changing = new ReentrantLock();
    private final List<PluginUptake> uptakes = new CopyOnWriteArrayList<>();
    private final AutoCloseable job;

    @Activate
    public FeaturePlugins(BundleContext context, @Reference FeaturesService features, @Reference Node node,
            @Reference Clock clock, @Reference(target = "(" + Schemas.SCHEMA_PROPERTY + "=cn.anxun.plugins)")
            DataSource database, @Reference Scheduler scheduler, @Reference PluginAdmission admission) {
        this.context = context;
        this.features = features;
        this.node = node;
        this.clock = clock;
        this.decided = new DecidedStates(database);
        this.admission = admission;
        this.job = scheduler.everyOnThisNode("plugins brought to the state decided for every node", Duration.ZERO,
                LOOK, Duration.ofMinutes(2), this::converge);
        features.registerListener(this);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addUptake(PluginUptake uptake) {
        uptakes.add(uptake);
    }

    void removeUptake(PluginUptake uptake) {
        uptakes.remove(uptake);
    }

    @Deactivate
    void deactivate() throws Exception {
        features.unregisterListener(this);
        job.close();
    }

    @Override
    public void featureEvent(FeatureEvent event) {
        String name = event.getFeature().getName();
        if (event.isReplay() || Plugin.Kind.of(name) == null || context.getServiceReference(BOOT_FINISHED) == null) {
            return;
        }
        if (event.getType() == FeatureEvent.EventType.FeatureInstalled) {
            decided.decide(name, Desired.INSTALLED, clock.instant());
        } else if (event.getType() == FeatureEvent.EventType.FeatureUninstalled) {
            decided.decide(name, Desired.REMOVED, clock.instant());
        }
    }

    @Override
    public void repositoryEvent(RepositoryEvent event) {
        // repositories are the distribution's, not the operator's decisions
    }

    @Override
    public List<Plugin> list() {
        Map<String, Desired> decisions = decided.all();
        List<Plugin> plugins = new ArrayList<>();
        for (Feature feature : plugins()) {
            plugins.add(view(feature, decisions.get(feature.getName())));
        }
        plugins.sort(Comparator.comparing(Plugin::feature));
        return plugins;
    }

    @Override
    public Plugin install(String feature) {
        Feature found = find(feature);
        List<String> breaches = breaches(found);
        if (!breaches.isEmpty()) {
            throw new Refused(feature, breaches);
        }
        changing.lock();
        try {
            if (!features.isInstalled(found)) {
                features.installFeature(found.getName(), found.getVersion(),
                        EnumSet.noneOf(FeaturesService.Option.class));
            }
        } catch (Exception e) {
            throw new IllegalStateException("Karaf could not install " + feature + ": " + e.getMessage(), e);
        } finally {
            changing.unlock();
        }
        decided.decide(feature, Desired.INSTALLED, clock.instant());
        return view(found, Desired.INSTALLED);
    }

    @Override
    public Plugin uninstall(String feature) {
        Feature found = find(feature);
        Plugin now = view(found, null);
        if (now.installed() && !now.byItself()) {
            throw new PartOfAnotherFeature(feature + " is installed as part of another feature (such as "
                    + "anxun-cities-guangdong or anxun-validators); remove that one, or install this one by itself "
                    + "first.");
        }
        decided.decide(feature, Desired.REMOVED, clock.instant());
        converge();
        return view(found, Desired.REMOVED);
    }

    @Override
    public Convergence convergence() {
        List<String> differences = new ArrayList<>();
        Map<String, Desired> decisions = decided.all();
        for (Feature feature : plugins()) {
            Desired wanted = decisions.get(feature.getName());
            boolean installed = features.isInstalled(feature);
            if (wanted == Desired.INSTALLED && !installed) {
                differences.add(feature.getName() + " is to be installed and is not yet");
            } else if (wanted == Desired.INSTALLED && !started(feature)) {
                differences.add(feature.getName() + " is installed, and its bundles are not all started and taken up "
                        + "yet");
            } else if (wanted == Desired.REMOVED && installed) {
                differences.add(feature.getName() + " is to be removed and is " + (features.isRequired(feature)
                        ? "not yet" : "installed as part of another feature"));
            }
        }
        return new Convergence(node.name(), differences);
    }

    /**
     * Installs and removes this node's plugin features until they are as decided; a failure waits for the next
     * look.
     */
    private void converge() {
        changing.lock();
        try {
            Map<String, Desired> decisions = decided.all();
            for (Feature feature : plugins()) {
                Desired wanted = decisions.get(feature.getName());
                boolean installed = features.isInstalled(feature);
                try {
                    if (wanted == Desired.INSTALLED && !installed) {
                        features.installFeature(feature.getName(), feature.getVersion(),
                                EnumSet.noneOf(FeaturesService.Option.class));
                        LOG.info("Installed {} on node {}, as decided for every node", feature.getName(), node.name());
                    } else if (wanted == Desired.REMOVED && installed && features.isRequired(feature)) {
                        features.uninstallFeature(feature.getName(), feature.getVersion());
                        LOG.info("Removed {} from node {}, as decided for every node", feature.getName(), node.name());
                    }
                } catch (Exception e) {
                    LOG.warn("Node {} could not bring {} to {}: {}", node.name(), feature.getName(), wanted,
                            e.getMessage());
                }
            }
        } finally {
            changing.unlock();
        }
    }

    /**
     * Whether the plugin's own bundles (not the libraries it may share) are active and taken up: during a boot the
     * features service installs a feature before the start level lets its bundles start, and a city is served after.
     */
    private boolean started(Feature feature) {
        for (BundleInfo info : feature.getBundles()) {
            if (info.isDependency()) {
                continue;
            }
            Bundle bundle = context.getBundle(info.getLocation());
            if (bundle == null || bundle.getState() != Bundle.ACTIVE
                    || !uptakes.stream().allMatch(uptake -> uptake.tookUp(bundle))) {
                return false;
            }
        }
        return true;
    }

    /** The contract's breaches of the feature's bundles, read from their jars before anything is installed. */
    private List<String> breaches(Feature feature) {
        List<String> breaches = new ArrayList<>();
        for (BundleInfo info : feature.getBundles()) {
            try (JarInputStream jar = new JarInputStream(new URL(info.getLocation()).openStream())) {
                Manifest manifest = jar.getManifest();
                if (manifest == null) {
                    continue;
                }
                for (String breach : admission.breaches(manifest.getMainAttributes()::getValue)) {
                    breaches.add(info.getLocation() + ": " + breach);
                }
            } catch (IOException e) {
                throw new IllegalStateException("The bundle " + info.getLocation() + " of " + feature.getName()
                        + " cannot be read: " + e.getMessage(), e);
            }
        }
        return breaches;
    }

    private List<Feature> plugins() {
        try {
            List<Feature> plugins = new ArrayList<>();
            for (Feature feature : features.listFeatures()) {
                if (Plugin.Kind.of(feature.getName()) != null && !feature.getBundles().isEmpty()) {
                    plugins.add(feature);
                }
            }
            return plugins;
        } catch (Exception e) {
            throw new IllegalStateException("The Karaf features cannot be listed", e);
        }
    }

    private Feature find(String name) {
        return plugins().stream().filter(feature -> feature.getName().equals(name)).findFirst().orElseThrow(
                () -> new NoSuchElementException("This distribution has no plugin " + name));
    }

    private Plugin view(Feature feature, Desired desired) {
        boolean installed = features.isInstalled(feature);
        return new Plugin(feature.getName(), Plugin.Kind.of(feature.getName()), feature.getDescription(), desired,
                installed, installed && features.isRequired(feature));
    }
}
