package cn.anxun.rest.internal;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

import cn.anxun.ledger.Ledger;
import cn.anxun.platform.node.Node;
import cn.anxun.platform.schema.Schemas;
import cn.anxun.plugins.Plugins;
import cn.anxun.rest.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Liveness and readiness, for operators and load balancers. */
@Component(service = ApiResource.class)
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "health", description = "Is the platform up, and ready to serve")
public class HealthResource implements ApiResource {

    /** Status of the platform or of one part of it. */
    public enum Status { UP, DOWN }

    /** One part the platform needs, and whether it is there. */
    public record Check(String name, Status status, String detail) {
    }

    /**
     * The overall status and, for readiness, each part's.
     *
     * @param node the node of the platform that answers (several may serve one database)
     */
    public record Report(Status status, String node, List<Check> checks) {
    }

    /** Optional, so that readiness can report the database missing instead of disappearing with it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            target = "(osgi.jndi.service.name=anxun)")
    private volatile DataSource dataSource;

    /** Optional for the same reason: it goes with the database. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Schemas schemas;

    /** Optional: readiness says whether this node has the plugins decided for every node. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Plugins plugins;

    /** Optional: readiness reports the ledger's self-check while the ledger is there. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Ledger ledger;

    private final List<ReadinessCheck> checks;
    private final String node;

    @Activate
    public HealthResource(BundleContext context, @Reference ServiceComponentRuntime scr, @Reference Node node) {
        this.node = node.name();
        this.checks = List.of(new BootCheck(context), new DatabaseCheck(() -> dataSource),
                new SchemaCheck(context, () -> schemas),
                new CoreBundlesCheck(context, scr), new PublishedResourcesCheck(context),
                new PluginsCheck(() -> plugins), new LedgerCheck(() -> ledger));
    }

    @GET
    @Operation(operationId = "liveness", summary = "Liveness: 200 whenever the container runs")
    public Report live() {
        return new Report(Status.UP, node, List.of());
    }

    @GET
    @Path("ready")
    @Operation(operationId = "readiness", summary = "Readiness of the node that answers (named in the report): 200 "
            + "when the database answers, every core service is up and the node has the plugins decided for every "
            + "node, else 503",
            responses = {
                @ApiResponse(responseCode = "200", description = "ready",
                        content = @Content(schema = @Schema(implementation = Report.class))),
                @ApiResponse(responseCode = "503", description = "not ready; the checks say which part is down",
                        content = @Content(schema = @Schema(implementation = Report.class)))})
    public Response ready() {
        List<Check> results = new ArrayList<>();
        checks.forEach(check -> results.addAll(check.run()));
        boolean up = results.stream().allMatch(check -> check.status() == Status.UP);
        return Response.status(up ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(new Report(up ? Status.UP : Status.DOWN, node, results)).build();
    }
}
