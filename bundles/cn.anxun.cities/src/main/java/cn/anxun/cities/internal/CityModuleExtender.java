package cn.anxun.cities.internal;

import java.io.InputStream;
import java.net.URL;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.namespace.extender.ExtenderNamespace;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.anxun.api.city.CityModule;

/**
 * Turns the descriptor of every started city-module bundle into a {@link CityModule} service registered in that
 * bundle's name, so the service — and with it the city — goes away by itself when the bundle stops.
 */
@Component(service = {})
@Capability(namespace = ExtenderNamespace.EXTENDER_NAMESPACE, name = CityModule.EXTENDER, version = "1.0.0")
public class CityModuleExtender implements BundleTrackerCustomizer<ServiceRegistration<CityModule>> {

    private static final Logger LOG = LoggerFactory.getLogger(CityModuleExtender.class);

    private final CityDescriptorReader reader = new CityDescriptorReader();
    private final BundleTracker<ServiceRegistration<CityModule>> tracker;

    @Activate
    public CityModuleExtender(BundleContext context) {
        tracker = new BundleTracker<>(context, Bundle.ACTIVE, this);
        tracker.open();
    }

    @Deactivate
    void close() {
        tracker.close();
    }

    @Override
    public ServiceRegistration<CityModule> addingBundle(Bundle bundle, BundleEvent event) {
        String descriptor = bundle.getHeaders("").get(CityModule.DESCRIPTOR_HEADER);
        if (descriptor == null) {
            return null;
        }
        try {
            CityModule module = read(bundle, descriptor.strip());
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put(CityModule.CODE_PROPERTY, module.code());
            LOG.info("City module {} {} from bundle {} [{}]", module.code(), module.name(),
                    bundle.getSymbolicName(), bundle.getBundleId());
            return bundle.getBundleContext().registerService(CityModule.class, module, properties);
        } catch (IllegalArgumentException | IllegalStateException e) {
            LOG.error("City module bundle {} [{}] rejected: {}: {}", bundle.getSymbolicName(), bundle.getBundleId(),
                    descriptor, e.getMessage());
            return null;
        }
    }

    private CityModule read(Bundle bundle, String descriptor) {
        URL entry = bundle.getEntry(descriptor);
        if (entry == null) {
            throw new IllegalArgumentException("the descriptor named by " + CityModule.DESCRIPTOR_HEADER + " is missing");
        }
        try (InputStream in = entry.openStream()) {
            return reader.read(in);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the descriptor cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, ServiceRegistration<CityModule> registration) {
        // a started bundle keeps its descriptor; nothing changes until it stops
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, ServiceRegistration<CityModule> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework unregisters a stopping bundle's services itself
        }
    }
}
