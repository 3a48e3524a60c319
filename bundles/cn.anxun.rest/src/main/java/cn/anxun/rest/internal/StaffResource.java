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
import cn.anxun.identity.NewStaffAccount;
import cn.anxun.identity.OneTimePassword;
import cn.anxun.identity.StaffAccount;
import cn.anxun.identity.StaffAccounts;
import cn.anxun.identity.StaffGrant;
import cn.anxun.rest.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Staff accounts, for platform administrators. */
@Component(service = ApiResource.class)
@Path("/staff")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "staff", description = "Operators, institution staff, regulators and auditors")
public class StaffResource implements ApiResource {

    private final StaffAccounts staff;

    @Activate
    public StaffResource(@Reference StaffAccounts staff) {
        this.staff = staff;
    }

    @POST
    @Operation(operationId = "createStaff", summary = "Create a staff account; answers its one-time password",
            security = @SecurityRequirement(name = AuthResource.BEARER), responses = @ApiResponse(responseCode = "201",
                    description = "created", content = @Content(schema = @Schema(implementation = OneTimePassword.class))))
    public Response create(@Context Caller caller, NewStaffAccount account) {
        OneTimePassword password = staff.create(caller, account);
        return Response.created(URI.create("staff/" + password.accountId()))
                .entity(password).build();
    }

    @GET
    @Operation(operationId = "listStaff", summary = "Every staff account", security = @SecurityRequirement(name = AuthResource.BEARER))
    public List<StaffAccount> list(@Context Caller caller) {
        return staff.list(caller);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getStaff", summary = "One staff account", security = @SecurityRequirement(name = AuthResource.BEARER))
    public StaffAccount get(@Context Caller caller, @PathParam("id") String id) {
        return staff.get(caller, id);
    }

    @PUT
    @Path("{id}/grant")
    @Operation(operationId = "grantStaff", summary = "Replace the roles and bindings of a staff account; its sessions end",
            security = @SecurityRequirement(name = AuthResource.BEARER))
    public StaffAccount grant(@Context Caller caller, @PathParam("id") String id, StaffGrant grant) {
        return staff.grant(caller, id, grant);
    }

    @POST
    @Path("{id}/password-reset")
    @Operation(operationId = "resetStaffPassword", summary = "A new one-time password; the account's sessions end",
            security = @SecurityRequirement(name = AuthResource.BEARER),
            responses = @ApiResponse(responseCode = "200", description = "the one-time password, shown once", content = @Content(schema = @Schema(
                    implementation = OneTimePassword.class))))
    public Response resetPassword(@Context Caller caller, @PathParam("id") String id) {
        return Response.ok(staff.resetPassword(caller, id)).build();
    }

    @POST
    @Path("{id}/disable")
    @Operation(operationId = "disableStaff", summary = "Refuse every login of the account from now on and end its "
            + "sessions; the account and its records stay. Not one's own, nor the last platform administrator",
            security = @SecurityRequirement(name = AuthResource.BEARER))
    public StaffAccount disable(@Context Caller caller, @PathParam("id") String id, Disablement disablement) {
        return staff.disable(caller, id, disablement == null ? null : disablement.reason());
    }

    @POST
    @Path("{id}/enable")
    @Operation(operationId = "enableStaff", summary = "Let a disabled account log in again; not one's own",
            security = @SecurityRequirement(name = AuthResource.BEARER))
    public StaffAccount enable(@Context Caller caller, @PathParam("id") String id) {
        return staff.enable(caller, id);
    }
}
