package cn.anxun.plugins.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.anxun.platform.jobs.Scheduler;
import cn.anxun.plugins.PluginAdmission;
import cn.anxun.plugins.Refusal;
import cn.anxun.plugins.RefusalListener;

/**
 * The plugin contract as a resolver hook: the framework never resolves a bundle that breaks it, whichever way it was
 * installed, for it finds no provider for its requirements; it stays installed and none of its code runs. Each bundle
 * is judged once per update.
 */
@Component(service = {ResolverHookFactory.class, PluginAdmission.class}, immediate = true)
public class ContractAdmission implements ResolverHookFactory, PluginAdmission {

    private static final Logger LOG = LoggerFactory.getLogger(ContractAdmission.class);
    private static final String SPI_BUNDLE = "cn.anxun.api";

    private record Verdict(long lastModified, List<String> breaches) {
    }

    private final BundleContext context;
    private final Map<Long, Verdict> verdicts = new ConcurrentHashMap<>();
    private final List<Refusal> refusals = new CopyOnWriteArrayList<>();
    /** How many of the refusals each listener was told of. */
    private final Map<RefusalListener, Integer> told = new HashMap<>();

    /**
     * Optional, so that the hook is there as soon as this bundle starts, at a start level before any plugin's: the
     * platform's clock and scheduler come later in a boot.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Clock clock;
    private Scheduler scheduler;

    @Activate
    public ContractAdmission(BundleContext context) {
        this.context = context;
        unresolveBreaches();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    synchronized void setScheduler(Scheduler scheduler) {
        this.scheduler = scheduler;
        tellListeners();
    }

    synchronized void unsetScheduler(Scheduler gone) {
        if (scheduler == gone) {
            scheduler = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    synchronized void addListener(RefusalListener listener) {
        told.put(listener, 0);
        tellListeners();
    }

    synchronized void removeListener(RefusalListener listener) {
        told.remove(listener);
    }

    @Override
    public ResolverHook begin(Collection<BundleRevision> triggers) {
        return new ResolverHook() {
            @Override
            public void filterResolvable(Collection<BundleRevision> candidates) {
                // not here: once a hook removes a revision, Felix drops every resolved provider from the operation's
                // candidates, dynamic imports included, and they fail for every bundle
            }

            @Override
            public void filterSingletonCollisions(BundleCapability singleton,
                    Collection<BundleCapability> collisionCandidates) {
                // singletons are not the contract's concern
            }

            /** A refused bundle finds no provider for any of its requirements, and provides nothing. */
            @Override
            public void filterMatches(BundleRequirement requirement, Collection<BundleCapability> candidates) {
                if (!admitted(requirement.getRevision().getBundle())) {
                    candidates.clear();
                } else {
                    candidates.removeIf(capability -> !admitted(capability.getRevision().getBundle()));
                }
            }

            @Override
            public void end() {
                // nothing held between the calls
            }
        };
    }

    @Override
    public List<String> breaches(Function<String, String> headers) {
        return new PluginContract(spiVersions()).breaches(headers);
    }

    @Override
    public List<Refusal> refusals() {
        return List.copyOf(refusals);
    }

    private boolean admitted(Bundle bundle) {
        Verdict known = verdicts.get(bundle.getBundleId());
        if (known != null && known.lastModified() == bundle.getLastModified()) {
            return known.breaches().isEmpty();
        }
        List<String> breaches = bundle.getBundleId() == 0 ? List.of() : breaches(headers(bundle));
        verdicts.put(bundle.getBundleId(), new Verdict(bundle.getLastModified(), breaches));
        if (!breaches.isEmpty()) {
            refuse(bundle, breaches);
        }
        return breaches.isEmpty();
    }

    private void refuse(Bundle bundle, List<String> breaches) {
        Clock now = clock;
        Refusal refusal = new Refusal(bundle.getSymbolicName(), bundle.getVersion().toString(), bundle.getLocation(),
                breaches, now != null ? now.instant() : Instant.now());
        refusals.add(refusal);
        LOG.error("Refused the plugin bundle {} {} from {}: {}. It stays installed and is never resolved: remove it, "
                + "or install a version built against this platform's SPI.", refusal.bundle(), refusal.version(),
                refusal.location(), String.join("; ", breaches));
        tellListeners();
    }

    /**
     * Tells each listener of the refusals it was not told of, on the scheduler's workers: a listener may write to the
     * database, which the thread that resolves must not wait for. Without the scheduler, they wait for it.
     */
    private synchronized void tellListeners() {
        if (scheduler == null) {
            return;
        }
        List<Refusal> all = List.copyOf(refusals);
        told.replaceAll((listener, count) -> {
            for (Refusal refusal : all.subList(count, all.size())) {
                scheduler.run("plugin refusal of " + refusal.bundle() + " told", Duration.ofMinutes(1),
                        () -> listener.refused(refusal));
            }
            return all.size();
        });
    }

    /** A bundle resolved while no hook was there (this bundle stopped, or updated) is resolved again, or not. */
    private void unresolveBreaches() {
        List<Bundle> breaking = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if ((bundle.getState() & (Bundle.INSTALLED | Bundle.UNINSTALLED)) == 0 && !admitted(bundle)) {
                breaking.add(bundle);
            }
        }
        if (!breaking.isEmpty()) {
            context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(breaking);
        }
    }

    /** The SPI packages and their versions, as the SPI bundle installed now exports them. */
    private Map<String, Version> spiVersions() {
        Map<String, Version> versions = new HashMap<>();
        for (Bundle bundle : context.getBundles()) {
            BundleRevision revision = bundle.adapt(BundleRevision.class);
            if (!SPI_BUNDLE.equals(bundle.getSymbolicName()) || revision == null) {
                continue;
            }
            for (BundleCapability capability : revision.getDeclaredCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
                Map<String, Object> attributes = capability.getAttributes();
                versions.put((String) attributes.get(PackageNamespace.PACKAGE_NAMESPACE),
                        (Version) attributes.get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE));
            }
        }
        return versions;
    }

    private static Function<String, String> headers(Bundle bundle) {
        Dictionary<String, String> headers = bundle.getHeaders("");
        return headers::get;
    }
}
