/**
 * What a bundle needs to add resources to the web API: register a JAX-RS root resource as an {@link
 * cn.anxun.rest.ApiResource} service and it is published under {@code /api/v1}; throw a {@link
 * cn.anxun.rest.ProblemException} to answer with RFC 7807 problem details; mark with {@link cn.anxun.rest.Anonymous} a
 * method that takes a body from callers who have not logged in.
 */
@Version("1.2.0")
package cn.anxun.rest;

import org.osgi.annotation.versioning.Version;
