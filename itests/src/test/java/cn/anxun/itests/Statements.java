package cn.anxun.itests;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.EntityManagerFactory;

import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;
import org.eclipse.persistence.sessions.server.Server;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Counts the SQL statements the platform's persistence units send while serving requests, with a listener on each
 * unit's EclipseLink session. Background jobs run on {@code anxun-} threads and are not counted.
 */
final class Statements implements AutoCloseable {

    private final AtomicInteger sent = new AtomicInteger();
    private final List<EntityManagerFactory> units = new ArrayList<>();
    private final SessionEventAdapter listener = new SessionEventAdapter() {
        @Override
        public void preExecuteCall(SessionEvent event) {
            if (!Thread.currentThread().getName().startsWith("anxun-")) {
                sent.incrementAndGet();
            }
        }
    };

    Statements(BundleContext context) throws InvalidSyntaxException {
        for (ServiceReference<EntityManagerFactory> unit : context.getServiceReferences(EntityManagerFactory.class,
                "(osgi.unit.name=anxun-*)")) {
            EntityManagerFactory factory = context.getService(unit);
            factory.unwrap(Server.class).getEventManager().addListener(listener);
            units.add(factory);
        }
    }

    /**
     * The fewest statements one run of the request sent, out of three, each with every unit's cache emptied first so
     * that every row is read from the database.
     */
    int of(Runnable request) {
        int fewest = Integer.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            units.forEach(unit -> unit.getCache().evictAll());
            int before = sent.get();
            request.run();
            fewest = Math.min(fewest, sent.get() - before);
        }
        return fewest;
    }

    @Override
    public void close() {
        units.forEach(unit -> unit.unwrap(Server.class).getEventManager().removeListener(listener));
    }
}
