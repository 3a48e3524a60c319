package cn.anxun.platform.persistence;

import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.internal.sessions.UnitOfWorkImpl;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Takes the embeddables of element collections out of a persistence context before its changes are computed. Read
 * in a batch into a context that no shared cache stands behind, they are registered there as if they were entities,
 * and computing their changes on their own fails (EclipseLink-69, eclipse-ee4j/eclipselink#1455). Their changes are
 * their owner's, which compares its collections itself.
 */
final class EmbeddablesUnregistered extends SessionEventAdapter {

    @Override
    public void preCalculateUnitOfWorkChangeSet(SessionEvent event) {
        if (event.getSession() instanceof UnitOfWorkImpl context && context.hasCloneMapping()) {
            context.getCloneMapping().keySet().removeIf(object -> {
                ClassDescriptor descriptor = context.getDescriptor(object.getClass());
                return descriptor != null && descriptor.isDescriptorTypeAggregate();
            });
        }
    }
}
