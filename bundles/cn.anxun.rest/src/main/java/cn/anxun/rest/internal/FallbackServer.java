package cn.anxun.rest.internal;

import java.time.Clock;
import java.util.List;

import org.apache.cxf.endpoint.Server;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Answers every path under {@code /api} that the API application does not: a problem 404, or a 503 with
 * Retry-After while the application at {@code /api/v1} is being re-created. It depends on nothing, so it stays.
 */
@Component(service = {}, immediate = true)
public class FallbackServer {

    private final Server server;

    @Activate
    public FallbackServer(@Reference Clock clock) {
        server = JaxRsServers.create("/", List.of(new FallbackResource()), List.of(), clock);
    }

    @Deactivate
    void stop() {
        server.destroy();
    }
}
