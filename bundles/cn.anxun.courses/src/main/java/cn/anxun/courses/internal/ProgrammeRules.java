package cn.anxun.courses.internal;

import java.util.ArrayList;
import java.util.List;

import cn.anxun.courses.ProgrammeEntry;
import cn.anxun.courses.TrainingKind;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.PersonnelCategory;
import cn.anxun.identity.Violation;

/** What a programme must hold, and how many of its hours may be studied online. */
final class ProgrammeRules {

    private static final String CODE = "[a-z][a-z0-9-]{2,59}";

    private ProgrammeRules() {
    }

    /** The entry with its texts stripped, or 422 naming every broken rule. */
    static ProgrammeEntry checked(ProgrammeEntry entry, int initialShare) {
        if (entry == null) {
            throw new InvalidInputException("", "required", "a JSON body with the programme is required");
        }
        ProgrammeEntry e = new ProgrammeEntry(strip(entry.code()), strip(entry.name()), entry.category(),
                strip(entry.industry()), strip(entry.operationType()), entry.kind(), entry.theoryHours(),
                entry.practicalHours() == null ? Integer.valueOf(0) : entry.practicalHours(), entry.onlineShare());
        List<Violation> violations = new ArrayList<>();
        if (e.code() == null || !e.code().matches(CODE)) {
            violations.add(new Violation("code", "programme-code", "must be 3 to 60 lower-case letters, digits or "
                    + "'-', starting with a letter"));
        }
        Fields.text(violations, "name", e.name(), 60, true);
        if (e.category() == null) {
            violations.add(new Violation("category", "required", "is PRINCIPAL_LEADER, SAFETY_MANAGER or "
                    + "SPECIAL_OPERATION"));
        } else if (e.category() == PersonnelCategory.SPECIAL_OPERATION) {
            Fields.text(violations, "operationType", e.operationType(), 60, true);
            Fields.absent(violations, "industry", e.industry(), "is not given for special operations");
        } else {
            Fields.text(violations, "industry", e.industry(), 60, true);
            Fields.absent(violations, "operationType", e.operationType(), "is given for special operations only");
        }
        if (e.kind() == null) {
            violations.add(new Violation("kind", "required", "is INITIAL or REFRESHER"));
        }
        hours(violations, "theoryHours", e.theoryHours(), 1);
        hours(violations, "practicalHours", e.practicalHours(), 0);
        if (e.onlineShare() != null) {
            int cap = e.kind() == TrainingKind.INITIAL ? initialShare : 100;
            if (e.onlineShare() < 0 || e.onlineShare() > cap) {
                violations.add(new Violation("onlineShare", "online-share-cap", "must be between 0 and " + cap
                        + " percent" + (e.kind() == TrainingKind.INITIAL ? ": initial training may be studied "
                        + "online up to the deployment's share only" : "")));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return e;
    }

    /** The share that applies: the programme's own, else the deployment's for initial training, else all. */
    static int share(TrainingKind kind, Integer own, int initialShare) {
        if (own != null) {
            return own;
        }
        return kind == TrainingKind.INITIAL ? initialShare : 100;
    }

    /** The theory hours that may be studied online: not more than the share ("不得超过"), so rounded down. */
    static int onlineHours(int theoryHours, int share) {
        return theoryHours * share / 100;
    }

    private static void hours(List<Violation> violations, String field, Integer value, int min) {
        if (value == null) {
            violations.add(new Violation(field, "required", "is required"));
        } else if (value < min || value > 1000) {
            violations.add(new Violation(field, "hours-range", "must be between " + min + " and 1000"));
        }
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
