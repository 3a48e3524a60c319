package cn.anxun.platform.schema.internal;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

import javax.sql.DataSource;

import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.namespace.extender.ExtenderNamespace;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.anxun.platform.schema.BundleSchema;
import cn.anxun.platform.schema.BundleSchema.Status;
import cn.anxun.platform.schema.Schemas;

/**
 * Migrates the tables of every started bundle that names a changelog, then hands that bundle the database: the
 * platform's DataSource registered again in the bundle's name with {@value Schemas#SCHEMA_PROPERTY}. The registration
 * goes with the bundle, and with this extender when the database goes away.
 * <p>
 * {@link Schemas} is registered by hand before the first migration rather than by the component runtime, which would
 * register it first and then activate this component on the first call, migrating inside somebody else's lookup.
 */
@Component(service = {})
@Capability(namespace = ExtenderNamespace.EXTENDER_NAMESPACE, name = Schemas.EXTENDER, version = "1.0.0")
public class SchemaExtender implements Schemas, BundleTrackerCustomizer<SchemaExtender.Tracked> {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaExtender.class);

    /** What the extender did for one bundle. */
    record Tracked(BundleSchema schema, ServiceRegistration<DataSource> registration) {
    }

    private final DataSource dataSource;
    private final Map<Long, BundleSchema> schemas = new ConcurrentSkipListMap<>();
    private final BundleTracker<Tracked> tracker;
    private final ServiceRegistration<Schemas> registration;

    @Activate
    public SchemaExtender(BundleContext context, @Reference(target = "(osgi.jndi.service.name=anxun)") DataSource dataSource) {
        this.dataSource = dataSource;
        this.registration = context.registerService(Schemas.class, this, null);
        this.tracker = new BundleTracker<>(context, Bundle.ACTIVE, this);
        tracker.open();
    }

    @Deactivate
    void close() {
        registration.unregister();
        tracker.close();
    }

    @Override
    public List<BundleSchema> all() {
        return new ArrayList<>(schemas.values());
    }

    /** One bundle at a time: Liquibase's lock tables are per bundle, and the first start creates several. */
    @Override
    public synchronized Tracked addingBundle(Bundle bundle, BundleEvent event) {
        String header = bundle.getHeaders("").get(HEADER);
        if (header == null) {
            return null;
        }
        String name = bundle.getSymbolicName() + " " + bundle.getVersion();
        BundleSchema schema;
        try {
            Changelog changelog = Changelog.parse(header);
            long started = System.nanoTime();
            schema = Migration.run(dataSource, bundle.adapt(BundleWiring.class).getClassLoader(), name, changelog);
            if (schema.status() == Status.CURRENT) {
                LOG.info("Tables of {} current ({} changesets applied) after {} ms", name, schema.applied(),
                        (System.nanoTime() - started) / 1_000_000);
            }
        } catch (IllegalArgumentException e) {
            schema = new BundleSchema(name, Status.FAILED, -1, e.getMessage());
        }
        schemas.put(bundle.getBundleId(), schema);
        if (schema.status() != Status.CURRENT) {
            LOG.error("Tables of {} cannot be used, its records stay closed: {}", name, schema.detail());
            return new Tracked(schema, null);
        }
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(SCHEMA_PROPERTY, bundle.getSymbolicName());
        return new Tracked(schema, bundle.getBundleContext().registerService(DataSource.class, dataSource, properties));
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, Tracked tracked) {
        // a started bundle keeps its changelog until it stops
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, Tracked tracked) {
        schemas.remove(bundle.getBundleId());
        if (tracked.registration() != null) {
            try {
                tracked.registration().unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregisters a stopping bundle's services itself
            }
        }
    }
}
