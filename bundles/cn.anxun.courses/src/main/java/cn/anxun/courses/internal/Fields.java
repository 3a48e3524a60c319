package cn.anxun.courses.internal;

import java.util.List;

import cn.anxun.identity.Violation;

/** The rules every text field of the catalogue follows. */
final class Fields {

    private Fields() {
    }

    /** The value stripped, {@code null} when blank; a violation when required and blank, or too long. */
    static String text(List<Violation> violations, String field, String value, int max, boolean required) {
        String stripped = value == null || value.isBlank() ? null : value.strip();
        if (stripped == null) {
            if (required) {
                violations.add(new Violation(field, "required", "is required"));
            }
        } else if (stripped.length() > max) {
            violations.add(new Violation(field, "max-length", "must be at most " + max + " characters long"));
        }
        return stripped;
    }

    static void absent(List<Violation> violations, String field, String value, String message) {
        if (value != null && !value.isBlank()) {
            violations.add(new Violation(field, "not-applicable", message));
        }
    }
}
