package cn.anxun.rest.internal;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.identity.Caller;
import cn.anxun.institutions.ProvinceReport;
import cn.anxun.institutions.Registrations;
import cn.anxun.rest.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The cities' reports to the province (上报省厅) of the registrations they made and changed. */
@Component(service = ApiResource.class)
@Path("/province-reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "institutions")
public class ProvinceReportsResource implements ApiResource {

    private final Registrations registrations;

    @Activate
    public ProvinceReportsResource(@Reference Registrations registrations) {
        this.registrations = registrations;
    }

    @GET
    @Operation(operationId = "listProvinceReports", summary = "Reports of registrations, suspensions, "
            + "reinstatements and revocations, newest first; for the province regulator and the operator",
            security = @SecurityRequirement(name = AuthResource.BEARER))
    public List<ProvinceReport> list(@Context Caller caller,
            @Parameter(description = "only this city's, e.g. 440100") @QueryParam("city") String city) {
        return registrations.provinceReports(caller, city);
    }
}
