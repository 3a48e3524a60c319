package cn.anxun.rest.internal;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response.Status;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.cities.City;
import cn.anxun.cities.CityRegistry;
import cn.anxun.institutions.PublicListing;
import cn.anxun.institutions.Registrations;
import cn.anxun.rest.ApiResource;
import cn.anxun.rest.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The public listing of a city's registered online training institutions. It takes no parameters: the
 * regulation forbids ranking institutions, so the order is the registration number and nothing else, and each entry
 * points to the city bureau's official list.
 */
@Component(service = ApiResource.class)
@Path("/public/cities/{code}/institutions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "public", description = "What anyone may read without logging in")
public class PublicListingResource implements ApiResource {

    private final Registrations registrations;
    private final CityRegistry cities;

    @Activate
    public PublicListingResource(@Reference Registrations registrations, @Reference CityRegistry cities) {
        this.registrations = registrations;
        this.cities = cities;
    }

    @GET
    @Operation(operationId = "getPublicListing", summary = "The city's registered online training institutions by "
            + "registration number, and its announcements, newest first; no login; no parameters, no ranking")
    public PublicListing listing(@PathParam("code") String code, @Context UriInfo uri) {
        if (!uri.getQueryParameters().isEmpty()) {
            String parameter = uri.getQueryParameters().keySet().iterator().next();
            throw ProblemException.invalidParameter(parameter, "no-parameters", "is not taken: the listing is in "
                    + "registration-number order only, because the regulation forbids ranking institutions");
        }
        City city = cities.installed().stream().filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> new ProblemException(Status.NOT_FOUND, "city-module-not-installed",
                        "City module not installed", cities.find(code).map(known -> "The module of "
                                + known.module().name() + " is not installed at the moment, so its listing is not "
                                + "published; its official list: " + known.module().institutionListUrl())
                                .orElse("No module for city " + code + " is installed on this platform.")
                                + " GET /api/v1/cities lists the installed cities.", List.of()));
        return registrations.publicListing(city);
    }
}
