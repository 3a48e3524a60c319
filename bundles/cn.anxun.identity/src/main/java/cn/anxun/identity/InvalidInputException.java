package cn.anxun.identity;

import java.util.List;
import java.util.stream.Collectors;

/** Input that breaks rules; every broken rule is listed. Nothing of the request was stored. */
public class InvalidInputException extends ServiceException {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public InvalidInputException(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(String field, String rule, String message) {
        this(List.of(new Violation(field, rule, message)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
