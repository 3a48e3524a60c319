package cn.anxun.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.servers.Server;

import cn.anxun.rest.Problem;

/** The OpenAPI 3 document of the published resources, generated from their JAX-RS and OpenAPI annotations. */
@Hidden
@Path("/openapi.json")
public class OpenApiResource {

    private final String document;

    OpenApiResource(String version, Set<Class<?>> resources) {
        OpenAPI base = new OpenAPI()
                .info(new Info().title("Anxun 安训 web API").version(version).description(
                        "Online safety-production qualification training platform of Guangdong (粤应急规〔2022〕3号). "
                                + "Every error is an RFC 7807 problem detail (application/problem+json)."))
                .servers(List.of(new Server().url("/api/v1")));
        OpenAPI openApi = new Reader(new SwaggerConfiguration().openAPI(base).readAllResources(true)).read(resources);
        declareSuccess(openApi);
        declareErrors(openApi);
        document = Json.pretty(openApi);
    }

    /**
     * An operation that returns its entity and declares no answers has it as the {@code default} answer: JAX-RS
     * answers it with 200, so that is what it is declared as.
     */
    private static void declareSuccess(OpenAPI openApi) {
        operations(openApi).forEach(operation -> {
            ApiResponses answers = operation.getResponses();
            ApiResponse entity = answers.get("default");
            boolean declared = answers.keySet().stream().anyMatch(status -> status.matches("[23]\\d\\d"));
            if (!declared && entity != null && entity.getContent() != null && entity.getContent().values().stream()
                    .allMatch(type -> type.getSchema() != null)) {
                answers.remove("default");
                answers.addApiResponse("200", entity);
            }
        });
    }

    /**
     * The error answers every operation may give, declared from what the operation takes, so that each one names
     * them without repeating them in its annotations; an operation's own declaration of a status wins, and any error
     * answer declared without a body gets the problem document it is.
     */
    private static void declareErrors(OpenAPI openApi) {
        ApiResponse unavailable = problem("the database or a part the request needs is unavailable; nothing was "
                + "stored; try again after Retry-After seconds").addHeaderObject("Retry-After", new Header()
                .description("seconds to wait").schema(new IntegerSchema()));
        operations(openApi).forEach(operation -> {
            boolean parameters = !Optional.ofNullable(operation.getParameters()).orElse(List.of()).isEmpty();
            boolean body = operation.getRequestBody() != null;
            Map<String, ApiResponse> errors = new LinkedHashMap<>();
            errors.put("400", problem("a parameter, a header or the body is malformed; the problem names it"));
            // a token that is not valid is refused even where none is needed
            errors.put("401", problem("the access token is not valid, or the operation needs one"));
            if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
                errors.put("403", problem("the caller's role or region may not do this"));
            }
            if (parameters || body) {
                errors.put("404", problem("what the request names does not exist"));
                errors.put("422", problem("the input breaks rules; each broken one is named with its field"));
            }
            if (body) {
                errors.put("413", problem("the body is larger than the operation takes"));
                errors.put("415", problem("the body is not of a media type the operation takes"));
            }
            errors.put("503", unavailable);
            errors.forEach(operation.getResponses()::putIfAbsent);
            operation.getResponses().forEach((status, answer) -> {
                if (status.matches("[45]\\d\\d") && answer.getContent() == null) {
                    answer.setContent(problem(answer.getDescription()).getContent());
                }
            });
        });
    }

    private static Stream<Operation> operations(OpenAPI openApi) {
        // until the first resource comes, there are no paths
        return Optional.ofNullable(openApi.getPaths()).map(Paths::values).orElse(List.of()).stream()
                .flatMap(path -> path.readOperations().stream());
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(Problem.MEDIA_TYPE,
                new io.swagger.v3.oas.models.media.MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String get() {
        return document;
    }
}
