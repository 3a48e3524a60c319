package cn.anxun.identity;

/**
 * One rule that input broke.
 *
 * @param field the field, as a JSON path, e.g. {@code employer.creditCode}
 * @param rule a short stable name of the rule, e.g. {@code gb-11643-check-digit}
 * @param message what the rule asks for, in words
 */
public record Violation(String field, String rule, String message) {
}
