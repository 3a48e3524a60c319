package cn.anxun.courses.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

import cn.anxun.courses.CourseDraft;
import cn.anxun.courses.CourseDraft.UnitDraft;
import cn.anxun.courses.UnitType;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.FreeText;
import cn.anxun.identity.Violation;

/** What a course draft must hold, before its programmes and media are looked up. */
final class CourseRules {

    static final int MAX_UNITS = 500;
    static final int MAX_TEXT = 100_000;
    static final int MAX_PICTURES = 50;

    private CourseRules() {
    }

    /** The draft with its texts stripped and absent lists empty, or 422 naming every broken rule. */
    static CourseDraft checked(CourseDraft draft) {
        if (draft == null) {
            throw new InvalidInputException("", "required", "a JSON body with the course is required");
        }
        List<Violation> violations = new ArrayList<>();
        String title = Fields.text(violations, "title", draft.title(), 200, true);
        String description = Fields.text(violations, "description", draft.description(), 2000, false);
        List<String> programmes = list(draft.programmes());
        if (programmes.isEmpty() || programmes.size() > 10 || new HashSet<>(programmes).size() < programmes.size()) {
            violations.add(new Violation("programmes", "programmes", "must name 1 to 10 different programme codes "
                    + "(GET /api/v1/programmes)"));
        }
        List<String> teachers = new ArrayList<>();
        List<String> named = list(draft.teachers());
        if (named.isEmpty() || named.size() > 20) {
            violations.add(new Violation("teachers", "teachers", "must name 1 to 20 teachers"));
        }
        for (int i = 0; i < named.size(); i++) {
            teachers.add(Fields.text(violations, "teachers[" + i + "]", named.get(i), 50, true));
        }
        List<UnitDraft> units = new ArrayList<>();
        List<UnitDraft> given = list(draft.units());
        if (given.isEmpty() || given.size() > MAX_UNITS) {
            violations.add(new Violation("units", "units", "must hold 1 to " + MAX_UNITS + " units"));
        }
        for (int i = 0; i < given.size(); i++) {
            units.add(unit(violations, "units[" + i + "]", given.get(i)));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new CourseDraft(title, description, programmes, teachers, units);
    }

    private static UnitDraft unit(List<Violation> violations, String field, UnitDraft unit) {
        if (unit == null) {
            violations.add(new Violation(field, "required", "is a unit"));
            return null;
        }
        String title = Fields.text(violations, field + ".title", unit.title(), 200, true);
        UnitType type = type(violations, field + ".type", unit.type());
        List<String> pictures = list(unit.pictures());
        String text = unit.text() == null || unit.text().isBlank() ? null : unit.text().strip();
        if (type == UnitType.TEXT) {
            if (text == null || text.length() > MAX_TEXT) {
                violations.add(new Violation(field + ".text", "unit-text", "a text unit has 1 to " + MAX_TEXT
                        + " characters of text"));
            }
            FreeText.screen(violations, field + ".text", text);
            if (pictures.size() > MAX_PICTURES) {
                violations.add(new Violation(field + ".pictures", "unit-pictures", "a text unit has at most "
                        + MAX_PICTURES + " pictures"));
            }
            Fields.absent(violations, field + ".media", unit.media(), "a text unit has pictures, not a medium");
        } else if (type != null) {
            if (unit.media() == null || unit.media().isBlank()) {
                violations.add(new Violation(field + ".media", "required", "is the uploaded "
                        + type.name().toLowerCase(Locale.ROOT) + " (POST /api/v1/institutions/{id}/media-uploads)"));
            }
            Fields.absent(violations, field + ".text", text, "a " + type.name().toLowerCase(Locale.ROOT)
                    + " unit has no text");
            if (!pictures.isEmpty()) {
                violations.add(new Violation(field + ".pictures", "unit-pictures", "only text units have pictures"));
            }
        }
        return new UnitDraft(title, type == null ? null : type.name(), unit.media(), text, pictures);
    }

    private static UnitType type(List<Violation> violations, String field, String type) {
        String name = type == null ? "" : type.strip().toUpperCase(Locale.ROOT);
        if (name.startsWith("PRACTICAL")) {
            violations.add(new Violation(field, "practical-not-online", "practical training is never studied "
                    + "online (粤应急规〔2022〕3号 Art. 19); it is not a unit of an online course"));
            return null;
        }
        for (UnitType known : UnitType.values()) {
            if (known.name().equals(name)) {
                return known;
            }
        }
        violations.add(new Violation(field, "unit-type", "is VIDEO, AUDIO or TEXT"));
        return null;
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }
}
