package cn.anxun.rest.internal;

import java.util.List;
import java.util.function.Supplier;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.identity.AccessPolicy;
import cn.anxun.identity.AuditLog;
import cn.anxun.identity.Caller;
import cn.anxun.identity.RecordKind;
import cn.anxun.identity.Scope;
import cn.anxun.plugins.Plugin;
import cn.anxun.plugins.PluginAdmission;
import cn.anxun.plugins.Plugins;
import cn.anxun.plugins.Refusal;
import cn.anxun.rest.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The plugins of the distribution, installed and removed by the operator on every node of the platform: the node
 * that answers at once, the others within seconds. City modules also have their own view, /city-modules.
 */
@Component(service = ApiResource.class)
@Path("/plugins")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "plugins", description = "City modules, face providers, course-format validators and staff sign-on, "
        + "installed on every node")
public class PluginsResource implements ApiResource {

    private final Plugins plugins;
    private final AuditLog audit;
    private final AccessPolicy policy;
    private final PluginAdmission admission;

    @Activate
    public PluginsResource(@Reference Plugins plugins, @Reference AuditLog audit, @Reference AccessPolicy policy,
            @Reference PluginAdmission admission) {
        this.plugins = plugins;
        this.admission = admission;
        this.audit = audit;
        this.policy = policy;
    }

    @GET
    @Operation(operationId = "listPlugins", summary = "Every plugin of the distribution: what the operator decided "
            + "for every node (desired; none while the distribution decides) and whether the node that answers has "
            + "it installed", security = @SecurityRequirement(name = AuthResource.BEARER))
    public List<Plugin> list(@Context Caller caller) {
        policy.require(caller, cn.anxun.identity.Operation.READ, Scope.platform(RecordKind.PLUGIN, null));
        return plugins.list();
    }

    @GET
    @Path("refusals")
    @Operation(operationId = "listPluginRefusals", summary = "The plugin bundles this node refused since it started, "
            + "because they break the plugin contract (imports outside the SPI or in an incompatible range), "
            + "whichever way they were installed; oldest first", security = @SecurityRequirement(name =
            AuthResource.BEARER))
    public List<Refusal> refusals(@Context Caller caller) {
        policy.require(caller, cn.anxun.identity.Operation.READ, Scope.platform(RecordKind.PLUGIN, null));
        return admission.refusals();
    }

    @POST
    @Path("{feature}/install")
    @Operation(operationId = "installPlugin", summary = "Install a plugin on this node, then decide it for every "
            + "node; audited. 422 (rule plugin-contract) if one of its bundles breaks the plugin contract: nothing "
            + "is then installed.",
            security = @SecurityRequirement(name = AuthResource.BEARER))
    public Plugin install(@Context Caller caller, @PathParam("feature") String feature) {
        return change(caller, feature, cn.anxun.identity.Operation.CREATE, "plugin.install",
                () -> plugins.install(feature));
    }

    @POST
    @Path("{feature}/uninstall")
    @Operation(operationId = "uninstallPlugin", summary = "Remove a plugin from every node; its records stay. 409 if "
            + "it came with another feature. Audited.", security = @SecurityRequirement(name = AuthResource.BEARER))
    public Plugin uninstall(@Context Caller caller, @PathParam("feature") String feature) {
        return change(caller, feature, cn.anxun.identity.Operation.DELETE, "plugin.uninstall",
                () -> plugins.uninstall(feature));
    }

    private Plugin change(Caller caller, String feature, cn.anxun.identity.Operation operation, String action,
            Supplier<Plugin> change) {
        Scope scope = Scope.platform(RecordKind.PLUGIN, feature);
        policy.require(caller, operation, scope);
        return PluginChanges.audited(audit, caller, action, scope, null, "This distribution has no plugin " + feature
                + "; GET /api/v1/plugins lists those it has.", change, now -> "decided " + now.desired()
                        + " for every node; " + (now.installed() ? "installed" : "not installed") + " here");
    }
}
