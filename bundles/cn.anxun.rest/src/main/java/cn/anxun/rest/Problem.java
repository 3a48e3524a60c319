package cn.anxun.rest;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 7807 problem detail, the body of every error the web API answers.
 *
 * @param type stable identifier of the kind of problem, {@code urn:anxun:problem:<slug>}
 * @param title short summary of the kind of problem, the same for every occurrence
 * @param status the HTTP status code
 * @param detail what went wrong this time and what the caller can do about it
 * @param instance the request path the problem occurred at
 * @param errors the fields that broke a rule, when the request carried bad input
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    private static final String TYPE_PREFIX = "urn:anxun:problem:";

    /**
     * One broken rule.
     *
     * @param field the name of the field, parameter or JSON path
     * @param rule short, stable name of the rule, e.g. {@code gb-t-2260-code}
     * @param message what the rule asks for, in words
     */
    public record FieldError(String field, String rule, String message) {
    }

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static URI type(String slug) {
        return URI.create(TYPE_PREFIX + slug);
    }

    /** The part after {@code urn:anxun:problem:}. */
    public String slug() {
        return type.toString().substring(TYPE_PREFIX.length());
    }
}
