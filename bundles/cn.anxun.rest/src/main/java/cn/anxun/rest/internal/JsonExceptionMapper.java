package cn.anxun.rest.internal;

import java.util.List;
import java.util.stream.Collectors;

import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import cn.anxun.rest.Problem;

/**
 * A request body that is not JSON, or JSON of the wrong shape. Unknown fields are named: the web API never drops a
 * field it does not know silently.
 */
public class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(JsonProcessingException exception) {
        return Problems.response(problem(exception));
    }

    Problem problem(JsonProcessingException exception) {
        JsonProcessingException syntax = syntaxError(exception);
        if (syntax != null) {
            return malformed(syntax);
        }
        if (exception instanceof UnrecognizedPropertyException unknown) {
            String field = field(unknown);
            return Problems.problem(400, "unknown-field", "Unknown field", "Field '" + field
                    + "' is not part of this request and is not accepted. Remove it.", uriInfo,
                    List.of(new Problem.FieldError(field, "known-field", "is not a field of this request")));
        }
        if (exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = field(mapping);
            return Problems.problem(400, "invalid-json", "Invalid JSON value", "Field '" + field
                    + "' has a value of the wrong type or form" + at(exception) + ".", uriInfo,
                    List.of(new Problem.FieldError(field, "json-type", "has a value of the wrong type or form")));
        }
        return malformed(exception);
    }

    private Problem malformed(JsonProcessingException exception) {
        return Problems.problem(400, "malformed-json", "Malformed JSON", "The request body is not well-formed JSON"
                + at(exception) + ": " + exception.getOriginalMessage() + ".", uriInfo, List.of());
    }

    /** The syntax error behind the failure, which Jackson may have wrapped with the path it was reading. */
    private static JsonProcessingException syntaxError(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamReadException read && !(cause instanceof JsonMappingException)) {
                return read;
            }
        }
        return null;
    }

    /** The JSON path of the field, e.g. {@code employer.name} or {@code counties[2].code}. */
    private static String field(JsonMappingException exception) {
        return exception.getPath().stream()
                .map(step -> step.getFieldName() != null ? "." + step.getFieldName() : "[" + step.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }

    private static String at(JsonProcessingException exception) {
        JsonLocation location = exception.getLocation();
        return location == null || location.getLineNr() < 0 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
