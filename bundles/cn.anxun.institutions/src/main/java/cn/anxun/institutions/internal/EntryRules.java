package cn.anxun.institutions.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import cn.anxun.identity.CreditCode;
import cn.anxun.identity.FreeText;
import cn.anxun.identity.Violation;
import cn.anxun.institutions.OfflineInstitutionEntry;

/** The rules of a register entry; fields are reported under a prefix, e.g. {@code rows[3].} for a CSV row. */
final class EntryRules {

    /** The length of the column the programmes are kept in, one per line. */
    static final int MAX_PROGRAMMES_LENGTH = 2000;

    private EntryRules() {
    }

    /** The entry with its credit code in upper case and its texts stripped. */
    static OfflineInstitutionEntry normalised(OfflineInstitutionEntry entry) {
        return new OfflineInstitutionEntry(strip(entry.name()),
                entry.creditCode() == null ? null : entry.creditCode().strip().toUpperCase(Locale.ROOT),
                strip(entry.filingNumber()), strip(entry.siteAddress()),
                entry.programmes() == null ? null : entry.programmes().stream().filter(Objects::nonNull)
                        .map(EntryRules::strip).filter(programme -> !programme.isEmpty()).toList(), entry.status());
    }

    static List<Violation> check(String prefix, OfflineInstitutionEntry entry) {
        List<Violation> violations = new ArrayList<>();
        text(violations, prefix + "name", entry.name(), 100);
        CreditCode.check(prefix + "creditCode", entry.creditCode()).ifPresent(violations::add);
        text(violations, prefix + "filingNumber", entry.filingNumber(), 40);
        text(violations, prefix + "siteAddress", entry.siteAddress(), 200);
        if (entry.programmes() == null || entry.programmes().isEmpty()) {
            violations.add(new Violation(prefix + "programmes", "required", "must name at least one programme"));
        } else if (entry.programmes().stream().anyMatch(programme -> programme.length() > 60)
                || String.join("\n", entry.programmes()).length() > MAX_PROGRAMMES_LENGTH) {
            violations.add(new Violation(prefix + "programmes", "max-length", "each programme at most 60 characters, "
                    + "all together at most " + MAX_PROGRAMMES_LENGTH));
        } else if (entry.programmes().stream().anyMatch(programme -> programme.matches("(?s).*[\\r\\n].*"))) {
            violations.add(new Violation(prefix + "programmes", "single-line", "a programme is one line of text"));
        }
        if (entry.status() == null) {
            violations.add(new Violation(prefix + "status", "required", "is required: ACTIVE, SUSPENDED or CLOSED"));
        }
        return violations;
    }

    private static void text(List<Violation> violations, String field, String value, int max) {
        FreeText.check(violations, field, value, max, true);
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
