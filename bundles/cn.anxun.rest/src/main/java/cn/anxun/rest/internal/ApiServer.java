package cn.anxun.rest.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.cxf.endpoint.Server;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.anxun.rest.ApiProvider;
import cn.anxun.rest.ApiResource;

/**
 * Publishes every {@link ApiResource} service as one JAX-RS application at {@code /api/v1}, with its OpenAPI
 * document and every {@link ApiProvider}. A resource that comes or goes re-creates the application; meanwhile {@link FallbackServer} answers.
 */
@Component(service = {}, immediate = true)
public class ApiServer {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    static final String ADDRESS = "/v1";

    private final Server server;

    @Activate
    public ApiServer(BundleContext context, @Reference(cardinality = ReferenceCardinality.MULTIPLE,
            policyOption = ReferencePolicyOption.GREEDY) List<ApiResource> resources,
            @Reference(cardinality = ReferenceCardinality.MULTIPLE, policyOption = ReferencePolicyOption.GREEDY)
            List<ApiProvider> providers, @Reference Clock clock) {
        Set<Class<?>> classes = resources.stream().map(Object::getClass).collect(Collectors.toSet());
        List<Object> published = new ArrayList<>(resources);
        published.add(new OpenApiResource(context.getBundle().getVersion().toString(), classes));
        server = JaxRsServers.create(ADDRESS, published, providers, clock);
        LOG.info("Web API published at /api{} with {} resources", ADDRESS, resources.size());
    }

    @Deactivate
    void stop() {
        server.destroy();
    }
}
