package cn.anxun.rest.internal;

import java.net.URI;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.identity.Caller;
import cn.anxun.institutions.OfflineInstitution;
import cn.anxun.institutions.OfflineInstitutionEntry;
import cn.anxun.institutions.OfflineRegister;
import cn.anxun.rest.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A city's register of reported offline institutions, kept by the city's regulator. */
@Component(service = ApiResource.class)
@Path("/cities/{code}/offline-institutions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "institutions", description = "Training institutions and the registers of offline institutions")
public class OfflineRegisterResource implements ApiResource {

    private final OfflineRegister register;

    @Activate
    public OfflineRegisterResource(@Reference OfflineRegister register) {
        this.register = register;
    }

    @GET
    @Operation(operationId = "listOfflineInstitutions", summary = "The city's register, by credit code; for the "
            + "city's regulator, the province regulator and the operator",
            security = @SecurityRequirement(name = AuthResource.BEARER))
    public List<OfflineInstitution> list(@Context Caller caller, @PathParam("code") String city) {
        return register.list(caller, city);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addOfflineInstitution", summary = "Add an institution to the city's register; for the "
            + "city's regulator; audited", security = @SecurityRequirement(name = AuthResource.BEARER),
            responses = @ApiResponse(responseCode = "201", description = "the entry", content = @Content(schema = @Schema(
                    implementation = OfflineInstitution.class))))
    public Response add(@Context Caller caller, @PathParam("code") String city, OfflineInstitutionEntry entry) {
        OfflineInstitution added = register.add(caller, city, entry);
        return Response.created(URI.create("cities/" + city + "/offline-institutions/" + added.id()))
                .entity(added).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getOfflineInstitution", summary = "One entry of the city's register",
            security = @SecurityRequirement(name = AuthResource.BEARER))
    public OfflineInstitution get(@Context Caller caller, @PathParam("code") String city, @PathParam("id") String id) {
        return register.get(caller, city, id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateOfflineInstitution", summary = "Replace an entry of the city's register (e.g. "
            + "its status); audited", security = @SecurityRequirement(name = AuthResource.BEARER))
    public OfflineInstitution update(@Context Caller caller, @PathParam("code") String city, @PathParam("id") String id,
            OfflineInstitutionEntry entry) {
        return register.update(caller, city, id, entry);
    }

    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(operationId = "importOfflineInstitutions", summary = "Import a CSV file (UTF-8 or GBK) into the "
            + "city's register: all rows or none; a refusal names every bad row and field. Audited.",
            security = @SecurityRequirement(name = AuthResource.BEARER))
    public OfflineRegister.Import importCsv(@Context Caller caller, @PathParam("code") String city, byte[] csv) {
        return register.importCsv(caller, city, csv);
    }
}
