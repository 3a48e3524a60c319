package cn.anxun.rest.internal;

import java.util.List;
import java.util.NoSuchElementException;

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
import cn.anxun.identity.AuditLog;
import cn.anxun.identity.Caller;
import cn.anxun.identity.Role;
import cn.anxun.rest.ApiResource;
import cn.anxun.rest.ProblemException;
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

    /** A city module of the distribution. */
    public record ModuleView(String code, String name, String feature, boolean installed) {

        static ModuleView of(AvailableModule module) {
            return new ModuleView(module.module().code(), module.module().name(), module.feature(), module.installed());
        }
    }

    private final CityModuleCatalog catalog;
    private final AuditLog audit;

    @Activate
    public CityModulesResource(@Reference CityModuleCatalog catalog, @Reference AuditLog audit) {
        this.catalog = catalog;
        this.audit = audit;
    }

    @GET
    @Operation(operationId = "listCityModules", summary = "Every city module of the distribution, installed or not",
            security = @SecurityRequirement(name = AuthResource.BEARER))
    public List<ModuleView> list(@Context Caller caller) {
        caller.require("see the city modules", Role.OPERATOR);
        return catalog.available().stream().map(ModuleView::of).toList();
    }

    @POST
    @Path("{code}/install")
    @Operation(operationId = "installCityModule", summary = "Install a city's module; GET /cities lists the city "
            + "a moment later. Audited.", security = @SecurityRequirement(name = AuthResource.BEARER))
    public ModuleView install(@Context Caller caller, @PathParam("code") String code) {
        caller.require("install city modules", Role.OPERATOR);
        ModuleView installed = ModuleView.of(known(() -> catalog.install(code), code));
        audit.record(caller, "city-module.installed", "city:" + code, code, "success", installed.feature());
        return installed;
    }

    @POST
    @Path("{code}/uninstall")
    @Operation(operationId = "uninstallCityModule", summary = "Uninstall a city's module; its records stay. Audited.",
            security = @SecurityRequirement(name = AuthResource.BEARER))
    public ModuleView uninstall(@Context Caller caller, @PathParam("code") String code) {
        caller.require("uninstall city modules", Role.OPERATOR);
        ModuleView removed = ModuleView.of(known(() -> catalog.uninstall(code), code));
        audit.record(caller, "city-module.uninstalled", "city:" + code, code, "success", removed.feature());
        return removed;
    }

    private static AvailableModule known(java.util.function.Supplier<AvailableModule> change, String code) {
        try {
            return change.get();
        } catch (NoSuchElementException e) {
            throw ProblemException.notFound("This distribution has no module for city " + code
                    + "; GET /api/v1/city-modules lists those it has.");
        }
    }
}
