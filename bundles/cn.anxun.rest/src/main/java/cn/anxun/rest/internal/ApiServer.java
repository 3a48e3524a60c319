package cn.anxun.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

import cn.anxun.rest.ApiResource;

/**
 * Publishes every {@link ApiResource} service as one JAX-RS application at {@code /v1} of the CXF servlet (mounted
 * at {@code /api} by {@code etc/org.apache.cxf.osgi.cfg}) with its OpenAPI document, and a fallback at {@code /}
 * so that unknown paths under {@code /api} answer with problem details too. A resource that comes or goes
 * re-creates the application.
 */
@Component(service = {}, immediate = true)
public class ApiServer {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    static final String API_ADDRESS = "/v1";

    private final List<Server> servers = new ArrayList<>();

    @Activate
    public ApiServer(BundleContext context, @Reference(cardinality = ReferenceCardinality.MULTIPLE,
            policyOption = ReferencePolicyOption.GREEDY) List<ApiResource> resources) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ApiServer.class.getClassLoader());
        try {
            Bus bus = BusFactory.getDefaultBus();
            Set<Class<?>> classes = resources.stream().map(Object::getClass).collect(Collectors.toSet());
            List<Object> api = new ArrayList<>(resources);
            api.add(new OpenApiResource(context.getBundle().getVersion().toString(), classes));
            servers.add(create(bus, API_ADDRESS, api));
            servers.add(create(bus, "/", List.of(new FallbackResource())));
            LOG.info("Web API published with {} resources", resources.size());
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Deactivate
    void stop() {
        servers.forEach(Server::destroy);
    }

    private static Server create(Bus bus, String address, List<Object> resources) {
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setBus(bus);
        factory.setAddress(address);
        factory.setServiceBeans(resources);
        factory.setProviders(List.of(new JacksonJsonProvider(Json.mapper()), new WebApplicationExceptionMapper(),
                new ProblemExceptionMapper(), new JsonExceptionMapper(), new UnexpectedExceptionMapper()));
        return factory.create();
    }
}
