package cn.anxun.rest.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.api.city.County;
import cn.anxun.cities.City;
import cn.anxun.cities.CityRegistry;
import cn.anxun.rest.ApiResource;
import cn.anxun.rest.Problem;
import cn.anxun.rest.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The prefecture-level cities whose module is installed, and those that had one before. */
@Component(service = ApiResource.class)
@Path("/cities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "cities", description = "City modules: one per prefecture-level city")
public class CitiesResource implements ApiResource {

    private static final Pattern CODE = Pattern.compile("\\d{6}");

    /** A city, installed or not. */
    public record CityView(String code, String name, String bureau, URI institutionListUrl, boolean installed,
            String module, Instant firstInstalled, Instant lastInstalled, Instant lastRemoved, List<County> counties) {

        static CityView of(City city) {
            return new CityView(city.code(), city.module().name(), city.module().bureau(),
                    city.module().institutionListUrl(), city.installed(), city.source(), city.firstInstalled(),
                    city.lastInstalled(), city.lastRemoved(), city.module().counties());
        }
    }

    private final CityRegistry registry;

    @Activate
    public CitiesResource(@Reference CityRegistry registry) {
        this.registry = registry;
    }

    @GET
    @Operation(operationId = "listCities",
            summary = "Cities by code: those installed now (default), those removed, or all ever installed",
            responses = {
                @ApiResponse(responseCode = "200", description = "the cities", content = @Content(
                        array = @ArraySchema(schema = @Schema(implementation = CityView.class)))),
                @ApiResponse(responseCode = "400", description = "unknown state",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))})
    public List<CityView> list(@Parameter(description = "installed, removed or all")
            @QueryParam("state") @DefaultValue("installed") String state) {
        List<City> cities = switch (state) {
            case "installed" -> registry.installed();
            case "removed" -> registry.known().stream().filter(Predicate.not(City::installed)).toList();
            case "all" -> registry.known();
            default -> throw ProblemException.invalidParameter("state", "one-of",
                    "must be one of installed, removed, all");
        };
        return cities.stream().map(CityView::of).toList();
    }

    @GET
    @Path("{code}")
    @Operation(operationId = "getCity", summary = "One city with its county-level divisions, installed now or before",
            responses = {
                @ApiResponse(responseCode = "200", description = "the city",
                        content = @Content(schema = @Schema(implementation = CityView.class))),
                @ApiResponse(responseCode = "400", description = "not a six-digit code",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @ApiResponse(responseCode = "404", description = "no module for this city was ever installed",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))})
    public CityView get(@Parameter(description = "GB/T 2260 code, e.g. 440100") @PathParam("code") String code) {
        if (!CODE.matcher(code).matches()) {
            throw ProblemException.invalidParameter("code", "gb-t-2260-code",
                    "must be a six-digit GB/T 2260 code such as 440100");
        }
        return registry.find(code).map(CityView::of).orElseThrow(() -> ProblemException.notFound(
                "No module for city " + code + " has ever been installed on this platform. "
                        + "GET /api/v1/cities lists the installed ones."));
    }
}
