package cn.anxun.rest.internal;

import java.util.Map;
import java.util.stream.Stream;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;

import cn.anxun.rest.ProblemException;

/**
 * Refuses path and query parameters with the NUL character: no identifier, code or filter of the API has one, and
 * PostgreSQL cannot even compare text holding it. JSON strings are held to the same rule by {@link Json}.
 */
public class TextParameters implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        Stream.of(request.getUriInfo().getPathParameters(), request.getUriInfo().getQueryParameters())
                .flatMap(parameters -> parameters.entrySet().stream())
                .filter(parameter -> parameter.getValue().stream().anyMatch(Json::hasNul))
                .map(Map.Entry::getKey).findFirst().ifPresent(parameter -> {
                    throw ProblemException.invalidParameter(parameter, "no-nul", "must not contain the NUL character");
                });
    }
}
