package cn.anxun.courses.internal;

import java.util.List;

import cn.anxun.identity.FreeText;
import cn.anxun.identity.Violation;

/** The rules every text field of the catalogue follows. */
final class Fields {

    private Fields() {
    }

    /** The value stripped, {@code null} when blank; a violation when required and blank, too long, or a contact. */
    static String text(List<Violation> violations, String field, String value, int max, boolean required) {
        return FreeText.check(violations, field, value, max, required);
    }

    static void absent(List<Violation> violations, String field, String value, String message) {
        if (value != null && !value.isBlank()) {
            violations.add(new Violation(field, "not-applicable", message));
        }
    }
}
