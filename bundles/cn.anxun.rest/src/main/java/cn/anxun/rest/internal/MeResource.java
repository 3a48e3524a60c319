package cn.anxun.rest.internal;

import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.identity.Caller;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.Role;
import cn.anxun.identity.Sessions;
import cn.anxun.rest.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The caller's own account. */
@Component(service = ApiResource.class)
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "auth")
public class MeResource implements ApiResource {

    /** A change of one's own password. */
    public record PasswordChange(String currentPassword, String newPassword) {

        @Override
        public String toString() {
            return "PasswordChange";
        }
    }

    /**
     * Who the caller is.
     *
     * @param passwordChangeRequired logged in with a one-time password, which allows nothing but setting one's own
     */
    public record Me(String accountId, String name, Set<Role> roles, String regionCode, String institutionId,
            boolean passwordChangeRequired) {
    }

    private final Sessions sessions;

    @Activate
    public MeResource(@Reference Sessions sessions) {
        this.sessions = sessions;
    }

    @GET
    @Operation(operationId = "me", summary = "Who the bearer of the token is",
            security = @SecurityRequirement(name = AuthResource.BEARER))
    public Me me(@Context Caller caller) {
        caller.requireLogin("see who you are");
        return new Me(caller.accountId(), caller.name(), caller.roles(), caller.regionCode(), caller.institutionId(),
                caller.passwordChangeRequired());
    }

    @POST
    @Path("password")
    @Operation(operationId = "changePassword", summary = "Change your own password; your other sessions end",
            security = @SecurityRequirement(name = AuthResource.BEARER),
            responses = {
                @ApiResponse(responseCode = "204", description = "changed: the other sessions of the account have "
                        + "ended"),
                @ApiResponse(responseCode = "429", description = "too many wrong current passwords lately; "
                        + "Retry-After says when the next try is taken")})
    public void changePassword(@Context Caller caller, PasswordChange change) {
        if (change == null) {
            throw new InvalidInputException("newPassword", "required", "is required");
        }
        sessions.changePassword(caller, change.currentPassword(), change.newPassword());
    }
}
