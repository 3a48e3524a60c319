package cn.anxun.rest;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Marks a JAX-RS root resource (a class with {@code @Path}) to publish under {@code /api/v1}. Register it as an
 * OSGi service of this type; the web API picks it up and lists it in {@code /api/v1/openapi.json}.
 */
@ConsumerType
public interface ApiResource {
}
