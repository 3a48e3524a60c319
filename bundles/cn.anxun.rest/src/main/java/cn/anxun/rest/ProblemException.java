package cn.anxun.rest;

import java.util.List;

import javax.ws.rs.core.Response.Status;

/** Ends a request with a problem-details answer. The web API fills in the request path. */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Status status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(Status status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** A 404 for a thing that does not exist. */
    public static ProblemException notFound(String detail) {
        return new ProblemException(Status.NOT_FOUND, "not-found", "Not found", detail, List.of());
    }

    /** A 400 for a query or path parameter that breaks a rule. */
    public static ProblemException invalidParameter(String parameter, String rule, String message) {
        return new ProblemException(Status.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
                "Parameter '" + parameter + "' " + message + ".", List.of(new Problem.FieldError(parameter, rule, message)));
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.type(slug), title, status.getStatusCode(), getMessage(), instance, errors);
    }

    public Status status() {
        return status;
    }
}
