package cn.anxun.cities.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.anxun.api.city.CityModule;
import cn.anxun.cities.City;
import cn.anxun.cities.CityRegistry;
import cn.anxun.plugins.PluginUptake;

/**
 * Whiteboard of {@link CityModule} services, whether the extender registered them from a descriptor or a city
 * bundle registered its own. Every arrival and removal is written to the {@code KNOWN_CITY} table; rows are never
 * deleted. If two bundles provide the same city, the first one wins and the other waits as a spare.
 */
@Component(service = {CityRegistry.class, PluginUptake.class})
public class CityRegistryImpl implements CityRegistry, PluginUptake {

    private static final Logger LOG = LoggerFactory.getLogger(CityRegistryImpl.class);

    private record Provider(ServiceReference<CityModule> reference, CityModule module, String source) {
    }

    private final JpaTemplate jpa;
    private final Bundle systemBundle;
    private final Clock clock;

    private final Map<String, List<Provider>> providers = new HashMap<>();
    private final Map<String, City> installed = new TreeMap<>();
    private volatile List<City> installedSnapshot = List.of();
    private volatile boolean closing;

    @Activate
    public CityRegistryImpl(@Reference(target = "(osgi.unit.name=anxun-cities)") JpaTemplate jpa,
            @Reference Clock clock, BundleContext context) {
        this.clock = clock;
        this.jpa = jpa;
        this.systemBundle = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
    }

    @Deactivate
    void deactivate() {
        // the registry itself is going down: its modules are not being removed
        closing = true;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void addCityModule(ServiceReference<CityModule> reference, CityModule module) {
        Bundle bundle = reference.getBundle();
        String source = bundle == null ? "unknown" : bundle.getSymbolicName() + "/" + bundle.getVersion();
        List<Provider> candidates = providers.computeIfAbsent(module.code(), code -> new ArrayList<>());
        candidates.add(new Provider(reference, module, source));
        if (candidates.size() == 1) {
            install(candidates.get(0));
        } else {
            LOG.warn("City {} is already provided by {}; {} is kept as a spare", module.code(),
                    candidates.get(0).source(), source);
        }
    }

    /** A city-module bundle is taken up once its city is served, from it or from another bundle of that city. */
    @Override
    public synchronized boolean tookUp(Bundle bundle) {
        if (bundle.getHeaders("").get(CityModule.DESCRIPTOR_HEADER) == null) {
            return true;
        }
        return providers.entrySet().stream().anyMatch(city -> installed.containsKey(city.getKey())
                && city.getValue().stream().anyMatch(provider -> bundle.equals(provider.reference().getBundle())));
    }

    synchronized void removeCityModule(ServiceReference<CityModule> reference, CityModule module) {
        List<Provider> candidates = providers.getOrDefault(module.code(), List.of());
        boolean wasActive = !candidates.isEmpty() && candidates.get(0).reference().equals(reference);
        candidates.removeIf(provider -> provider.reference().equals(reference));
        if (!wasActive) {
            return;
        }
        if (candidates.isEmpty()) {
            providers.remove(module.code());
            remove(module.code());
        } else {
            install(candidates.get(0));
        }
    }

    private void install(Provider provider) {
        Instant now = now();
        CityModule module = provider.module();
        City city = write(em -> {
            KnownCity known = em.find(KnownCity.class, module.code());
            if (known == null) {
                known = new KnownCity(module, now);
                em.persist(known);
            } else {
                known.installed(module, now);
            }
            return toCity(known, module, provider.source());
        }).orElse(new City(module, provider.source(), null, now, null));
        installed.put(module.code(), city);
        installedSnapshot = List.copyOf(installed.values());
        LOG.info("City {} {} installed from {}", module.code(), module.name(), provider.source());
    }

    private void remove(String code) {
        installed.remove(code);
        installedSnapshot = List.copyOf(installed.values());
        if (closing || systemBundle.getState() == Bundle.STOPPING) {
            return; // a shutdown, not an uninstall
        }
        Instant now = now();
        write(em -> {
            KnownCity known = em.find(KnownCity.class, code);
            if (known != null) {
                known.removed(now);
            }
            return known;
        });
        LOG.info("City {} removed; its records stay", code);
    }

    private <T> Optional<T> write(Function<EntityManager, T> work) {
        try {
            return Optional.ofNullable(jpa.txExpr(TransactionType.Required, work::apply));
        } catch (RuntimeException e) {
            LOG.error("Could not record a change of city modules in the database", e);
            return Optional.empty();
        }
    }

    @Override
    public List<City> installed() {
        return installedSnapshot;
    }

    @Override
    public List<City> known() {
        return jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(KnownCity.ALL, KnownCity.class)
                .getResultList().stream().map(this::toCity).toList());
    }

    @Override
    public Optional<City> find(String code) {
        return Optional.ofNullable(jpa.txExpr(TransactionType.Required, em -> {
            KnownCity known = em.find(KnownCity.class, code);
            return known == null ? null : toCity(known);
        }));
    }

    /** A stored city, with its live module if it is installed on this node now. */
    private City toCity(KnownCity known) {
        City live = installedSnapshot.stream().filter(city -> city.code().equals(known.code())).findFirst()
                .orElse(null);
        return live == null ? toCity(known, known.module(), null) : toCity(known, live.module(), live.source());
    }

    private static City toCity(KnownCity known, CityModule module, String source) {
        return new City(module, source, known.firstInstalled(), known.lastInstalled(), known.lastRemoved());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
