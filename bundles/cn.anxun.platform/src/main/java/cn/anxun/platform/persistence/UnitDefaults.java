package cn.anxun.platform.persistence;

import org.eclipse.persistence.annotations.BatchFetchType;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.mappings.ForeignReferenceMapping;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * The session customizer of every persistence unit ({@code eclipselink.session.customizer}).
 * <ul>
 * <li>A failed connection is reported at once instead of retried. EclipseLink otherwise tries three more times, five
 * seconds apart, each try waiting out the pool again, so a request meeting a stopped database would hang half a
 * minute before its 503; the pool already hands out only connections it has tested.</li>
 * <li>The collections of the rows a query returns are read for all of them at once ({@code IN} batches), not with
 * one query per row, so that a list view costs the same few queries for one row as for a page of them; the
 * embeddables such a batch registers are taken out again before a commit ({@link EmbeddablesUnregistered}).</li>
 * </ul>
 */
public class UnitDefaults implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        DatabaseLogin login = (DatabaseLogin) session.getDatasourceLogin();
        login.setQueryRetryAttemptCount(0);
        login.setConnectionHealthValidatedOnError(false);
        for (ClassDescriptor descriptor : session.getProject().getOrderedDescriptors()) {
            for (DatabaseMapping mapping : descriptor.getMappings()) {
                if (mapping.isCollectionMapping() && mapping instanceof ForeignReferenceMapping collection) {
                    collection.setBatchFetchType(BatchFetchType.IN);
                }
            }
        }
        session.getEventManager().addListener(new EmbeddablesUnregistered());
    }
}
