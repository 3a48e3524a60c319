package cn.anxun.rest.internal;

import java.net.URI;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.annotation.JsonProperty;

import cn.anxun.identity.Caller;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.Sessions;
import cn.anxun.identity.Tokens;
import cn.anxun.rest.Anonymous;
import cn.anxun.rest.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Logging in and out, refreshing tokens. */
@Component(service = ApiResource.class)
@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "auth", description = "Login sessions and bearer tokens")
@SecurityScheme(name = AuthResource.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class AuthResource implements ApiResource {

    static final String BEARER = "bearer";

    /**
     * A login: learners give their ID number, staff their user name; never both.
     *
     * @param idNumber a learner's resident ID number
     * @param username a staff member's user name
     * @param cookies true for a browser page: the tokens come back as cookies no script can read, not in the body
     */
    public record Login(String idNumber, String username, String password, Boolean cookies) {

        @Override
        public String toString() {
            return "Login[" + username + "]";
        }
    }

    /** The token request's form fields, as the OpenAPI document shows them. */
    public record TokenRequest(@JsonProperty("grant_type") String grantType,
            @JsonProperty("client_id") String clientId, @JsonProperty("client_secret") String clientSecret) {
    }

    /** The token endpoint's answer (RFC 6749, section 5.1): an access token alone. */
    public record ClientToken(@JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType, @JsonProperty("expires_in") long expiresIn) {
    }

    /** A logout of a signed-on login: where the browser goes so that the identity provider's session ends too. */
    public record LoggedOut(URI providerLogout) {
    }

    /** A refresh token from a login or an earlier refresh; none where the login's cookie carries it. */
    public record Refresh(String refreshToken) {
    }

    private final Sessions sessions;

    @Activate
    public AuthResource(@Reference Sessions sessions) {
        this.sessions = sessions;
    }

    @POST
    @Anonymous
    @Path("login")
    @Operation(operationId = "login", summary = "Log in; answers a short-lived access token and a refresh token. "
            + "Repeated failures make further attempts wait (429) and then lock the account for a while (423). Where "
            + "staff must sign on through the identity provider, a staff password login is refused (403 "
            + "sign-on-required) but for the break-glass accounts.",
            responses = {
                @ApiResponse(responseCode = "200", description = "logged in",
                        content = @Content(schema = @Schema(implementation = Tokens.class))),
                @ApiResponse(responseCode = "403", description = "sign-on-required: staff of this platform sign on "
                        + "through the identity provider")})
    public Response login(@Context Caller caller, @Context SecurityContext connection, Login login) {
        if (login == null || (login.idNumber() == null) == (login.username() == null)) {
            throw new InvalidInputException(login == null || login.idNumber() == null ? "idNumber" : "username",
                    "one-of", "give either idNumber (learners) or username (staff)");
        }
        Tokens tokens = login.idNumber() != null ? sessions.loginLearner(caller, login.idNumber(), login.password())
                : sessions.loginStaff(caller, login.username(), login.password());
        return Boolean.TRUE.equals(login.cookies()) ? SessionCookies.issued(tokens, connection.isSecure())
                : Response.ok(tokens).build();
    }

    @POST
    @Anonymous
    @Path("token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "token", summary = "A supervision platform's program gets an access token for the data "
            + "feed with its client credentials (OAuth 2 client credentials grant, RFC 6749 section 4.4): "
            + "grant_type=client_credentials, the client's id and secret in HTTP Basic or as client_id and "
            + "client_secret. Failures count towards the same waits and locks as logins.",
            requestBody = @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                    schema = @Schema(implementation = TokenRequest.class))),
            responses = @ApiResponse(responseCode = "200", description = "an access token, without a refresh token",
                    content = @Content(schema = @Schema(implementation = ClientToken.class))))
    public ClientToken token(@Context Caller caller, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            String body) {
        Map<String, String> form = ClientCredentials.form(body);
        if (!"client_credentials".equals(form.get("grant_type"))) {
            throw new InvalidInputException("grant_type", "client-credentials", "is client_credentials");
        }
        String[] basic = ClientCredentials.basic(authorization);
        Tokens tokens = basic == null ? sessions.loginClient(caller, form.get("client_id"), form.get("client_secret"))
                : sessions.loginClient(caller, basic[0], basic[1]);
        return new ClientToken(tokens.accessToken(), tokens.tokenType(), tokens.expiresIn());
    }

    @POST
    @Anonymous
    @Path("refresh")
    @Operation(operationId = "refresh", summary = "A new access token for a refresh token; the refresh token is "
            + "replaced, and presenting a spent one ends the session. A login in cookies refreshes with an empty body "
            + "and the header X-Requested-With, and gets new cookies.",
            responses = @ApiResponse(responseCode = "200", description = "refreshed",
                    content = @Content(schema = @Schema(implementation = Tokens.class))))
    public Response refresh(@Context Caller caller, @Context HttpHeaders headers, @Context SecurityContext connection,
            Refresh refresh) {
        if (refresh != null && refresh.refreshToken() != null) {
            return Response.ok(sessions.refresh(caller, refresh.refreshToken())).build();
        }
        String cookie = SessionCookies.token(headers.getCookies(), SessionCookies.REFRESH);
        if (cookie == null) {
            throw new InvalidInputException("refreshToken", "required", "is required, in the body or the cookie of a "
                    + "login in cookies");
        }
        SessionCookies.requireOwnPage(headers.getHeaderString(SessionCookies.REQUESTED_WITH));
        return SessionCookies.issued(sessions.refresh(caller, cookie), connection.isSecure());
    }

    @POST
    @Path("logout")
    @Operation(operationId = "logout", summary = "End this session: its access and refresh tokens stop working at once",
            security = @SecurityRequirement(name = BEARER),
            responses = {
                @ApiResponse(responseCode = "204", description = "logged out: the session's tokens stop working and "
                        + "its cookies are removed"),
                @ApiResponse(responseCode = "200", description = "logged out, from a login signed on through an "
                        + "identity provider: the browser goes on to the provider's page that ends its session too",
                        content = @Content(schema = @Schema(implementation = LoggedOut.class)))})
    public Response logout(@Context Caller caller, @Context SecurityContext connection) {
        URI provider = sessions.providerLogout(caller).orElse(null);
        sessions.logout(caller);
        return SessionCookies.cleared(provider == null ? Response.noContent()
                : Response.ok(new LoggedOut(provider)), connection.isSecure()).build();
    }
}
