package cn.anxun.rest.internal;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.identity.Caller;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.Sessions;
import cn.anxun.identity.ServiceUnavailableException;
import cn.anxun.identity.SignOnOffer;
import cn.anxun.identity.SignOnRedirect;
import cn.anxun.identity.SignOnRefusedException;
import cn.anxun.identity.Tokens;
import cn.anxun.rest.Anonymous;
import cn.anxun.rest.ApiResource;
import cn.anxun.rest.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Staff sign on through the identity provider: the browser goes there and comes back with a login in
 * cookies. These are browser navigations, so their outcomes are redirects to the pages, which explain a refusal.
 */
@Component(service = ApiResource.class)
@Path("/auth/signon")
@Tag(name = "auth", description = "Login sessions and bearer tokens")
public class SignOnResource implements ApiResource {

    /** Where the pages begin: their router shows a staff member's home, or the login page with a refusal. */
    private static final String PAGES = "/#/";

    /** The provider's back-channel message, as the OpenAPI document shows it. */
    public record SignedOutForm(@Schema(name = "logout_token") String logoutToken) {
    }

    private final Sessions sessions;

    @Activate
    public SignOnResource(@Reference Sessions sessions) {
        this.sessions = sessions;
    }

    @GET
    @Anonymous
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "signOnOffer", summary = "Whether staff sign on through an identity provider, which, and "
            + "whether they must",
            responses = @ApiResponse(responseCode = "200", description = "the offer; no provider when staff log in "
                    + "with passwords only", content = @Content(schema = @Schema(implementation = SignOnOffer.class))))
    public SignOnOffer offer() {
        return sessions.signOnOffer();
    }

    @GET
    @Anonymous
    @Path("start")
    @Operation(operationId = "beginSignOn", summary = "Sends the browser to the identity provider to sign on, with a "
            + "cookie that binds the sign-on to this browser for ten minutes",
            responses = {
                @ApiResponse(responseCode = "303", description = "to the identity provider",
                        headers = @Header(name = HttpHeaders.LOCATION, schema = @Schema(type = "string",
                                format = "uri"))),
                @ApiResponse(responseCode = "404", description = "staff sign on through no identity provider here"),
                @ApiResponse(responseCode = "429", description = "this address began too many sign-ons lately")})
    public Response begin(@Context Caller caller, @Context SecurityContext connection) {
        SignOnRedirect redirect = sessions.beginSignOn(caller);
        return Response.seeOther(redirect.provider()).header(HttpHeaders.SET_COOKIE,
                SessionCookies.signOn(redirect.binding(), 600, connection.isSecure())).build();
    }

    @GET
    @Anonymous
    @Path("callback")
    @Operation(operationId = "completeSignOn", summary = "Where the identity provider sends the browser back: a login "
            + "in cookies and the staff member's pages, or the login page with the reason of a refusal in its "
            + "parameter signon (e.g. no-role, account-disabled, access_denied, provider-unavailable)",
            responses = @ApiResponse(responseCode = "303", description = "to the pages",
                    headers = @Header(name = HttpHeaders.LOCATION, schema = @Schema(type = "string"))))
    public Response complete(@Context Caller caller, @Context UriInfo request, @Context HttpHeaders headers,
            @Context SecurityContext connection) {
        Map<String, String> parameters = new HashMap<>();
        request.getQueryParameters().forEach((name, values) -> parameters.put(name, values.get(0)));
        boolean secure = connection.isSecure();
        Response.ResponseBuilder answer;
        // absolute, or JAX-RS would resolve the pages' address against the API's
        URI pages = request.getBaseUri().resolve(PAGES);
        try {
            Tokens tokens = sessions.completeSignOn(caller, parameters,
                    SessionCookies.token(headers.getCookies(), SessionCookies.SIGN_ON));
            answer = SessionCookies.session(Response.seeOther(pages), tokens, secure);
        } catch (SignOnRefusedException e) {
            answer = Response.seeOther(pages.resolve("#/login?signon=" + e.reason()));
        } catch (ServiceUnavailableException e) {
            answer = Response.seeOther(pages.resolve("#/login?signon=provider-unavailable"));
        }
        return answer.header(HttpHeaders.SET_COOKIE, SessionCookies.signOn("", 0, secure)).build();
    }

    @POST
    @Anonymous
    @Path("signed-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "signedOut", summary = "The identity provider's back-channel logout (OpenID Connect "
            + "Back-Channel Logout 1.0): its signed logout token ends the logins of the session or person it names",
            requestBody = @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                    schema = @Schema(implementation = SignedOutForm.class))),
            responses = @ApiResponse(responseCode = "200", description = "the logins it names ended"))
    public Response signedOut(@Context Caller caller, String body) {
        try {
            sessions.signedOut(caller, ClientCredentials.form(body));
        } catch (InvalidInputException e) {
            // the specification asks for 400 when the token does not hold
            throw ProblemException.invalidParameter("logout_token", e.violations().get(0).rule(),
                    e.violations().get(0).message());
        }
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok().cacheControl(noStore).build();
    }
}
