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

import cn.anxun.cities.CityModuleCatalog;
import cn.anxun.cities.CityModuleCatalog.AvailableModule;
import cn.anxun.identity.AccessPolicy;
import cn.anxun.identity.AuditLog;
import cn.anxun.identity.Caller;
import cn.anxun.identity.RecordKind;
import cn.anxun.identity.Scope;
import cn.anxun.rest.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The city modules of the distribution, for the platform operator: which exist, which are installed, and their
 * installation while the platform runs. The catalogue is a Karaf facility that knows no callers, so the operator
 * role is checked, and every change audited, here.
 */
@Component(service = ApiResource.class)
@Path("/city-modules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "cities")
public class CityModulesResource implements ApiResource {

    /** A city module of the distribution; {@code byItself} is false when it came with the province-wide feature. */
    public record ModuleView(String code, String name, String feature, boolean installed, boolean byItself) {

        static ModuleView of(AvailableModule module) {
            return new ModuleView(module.module().code(), module.module().name(), module.feature(), module.installed(),
                    module.byItself());
        }
    }

    private final CityModuleCatalog catalog;
    private final AuditLog audit;
    private final AccessPolicy policy;

    @Activate
    public CityModulesResource(@Reference CityModuleCatalog catalog, @Reference AuditLog audit,
            @Reference AccessPolicy policy) {
        this.catalog = catalog;
        this.policy = policy;
        this.audit = audit;
    }

    @GET
    @Operation(operationId = "listCityModules", summary = "Every city module of the distribution, installed or not",
            security = @SecurityRequirement(name = AuthResource.BEARER))
    public List<ModuleView> list(@Context Caller caller) {
        policy.require(caller, cn.anxun.identity.Operation.READ, Scope.platform(RecordKind.CITY_MODULE, null));
        return catalog.available().stream().map(ModuleView::of).toList();
    }

    @POST
    @Path("{code}/install")
    @Operation(operationId = "installCityModule", summary = "Install a city's module; GET /cities lists the city "
            + "a moment later. Audited.", security = @SecurityRequirement(name = AuthResource.BEARER))
    public ModuleView install(@Context Caller caller, @PathParam("code") String code) {
        return change(caller, code, cn.anxun.identity.Operation.CREATE, "city-module.install",
                () -> catalog.install(code));
    }

    @POST
    @Path("{code}/uninstall")
    @Operation(operationId = "uninstallCityModule", summary = "Uninstall a city's module; its records stay. 409 if "
            + "it came with the province-wide feature. Audited.", security = @SecurityRequirement(name = AuthResource.BEARER))
    public ModuleView uninstall(@Context Caller caller, @PathParam("code") String code) {
        return change(caller, code, cn.anxun.identity.Operation.DELETE, "city-module.uninstall",
                () -> catalog.uninstall(code));
    }

    private ModuleView change(Caller caller, String code, cn.anxun.identity.Operation operation, String action,
            Supplier<AvailableModule> change) {
        Scope scope = Scope.region(RecordKind.CITY_MODULE, code);
        policy.require(caller, operation, scope);
        return PluginChanges.audited(audit, caller, action, scope, code, "This distribution has no module for city "
                + code + "; GET /api/v1/city-modules lists those it has.", () -> ModuleView.of(change.get()),
                now -> now.feature() + (now.installed() ? " installed" : " not installed"));
    }
}
