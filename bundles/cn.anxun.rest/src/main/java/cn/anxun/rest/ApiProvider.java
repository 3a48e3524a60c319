package cn.anxun.rest;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Marks a JAX-RS provider (a filter, an exception mapper, a context provider) to install in the web API under
 * {@code /api/v1}, alongside the {@link ApiResource}s. Register it as an OSGi service of this type.
 */
@ConsumerType
public interface ApiProvider {
}
