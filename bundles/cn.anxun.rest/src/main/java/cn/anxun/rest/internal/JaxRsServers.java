package cn.anxun.rest.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;

import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

/** Creates the JAX-RS applications of the web API on the CXF servlet, all with the same JSON and error handling. */
final class JaxRsServers {

    private JaxRsServers() {
    }

    /**
     * Publishes the resources at the address, relative to the CXF servlet's mount point {@code /api}, with the
     * common providers and any {@code extraProviders}.
     */
    static Server create(String address, List<Object> resources, List<?> extraProviders, Clock clock) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(JaxRsServers.class.getClassLoader());
        try {
            JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
            factory.setBus(BusFactory.getDefaultBus());
            factory.setAddress(address);
            factory.setServiceBeans(resources);
            List<Object> providers = new ArrayList<>(List.of(new RequestSizeLimit(), new TextParameters(), new SecurityHeaders(),
                    new JacksonJsonProvider(Json.mapper()), new WebApplicationExceptionMapper(),
                    new ProblemExceptionMapper(), new ServiceExceptionMapper(clock), new JsonExceptionMapper(),
                    new UnexpectedExceptionMapper()));
            providers.addAll(extraProviders);
            factory.setProviders(providers);
            return factory.create();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
