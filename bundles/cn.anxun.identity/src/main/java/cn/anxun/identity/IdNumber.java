package cn.anxun.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A resident ID number (居民身份证号码, GB 11643-1999): six-digit address code, birth date, three-digit sequence
 * (odd for men) and a check character. Address codes are only checked for form: codes retired from GB/T 2260 stay
 * valid on the cards that carry them.
 */
public final class IdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";

    private final String value;
    private final LocalDate birthDate;

    private IdNumber(String value, LocalDate birthDate) {
        this.value = value;
        this.birthDate = birthDate;
    }

    /** Sex as the sequence number says it. */
    public enum Sex { MALE, FEMALE }

    /**
     * Reads a number, folding a lower-case x to X.
     *
     * @param field the field name to report a violation under
     * @param today the date birth dates must not be after
     * @throws InvalidInputException naming the rule the number breaks
     */
    public static IdNumber parse(String field, String raw, LocalDate today) {
        Optional<Violation> violation = check(field, raw, today);
        if (violation.isPresent()) {
            throw new InvalidInputException(List.of(violation.get()));
        }
        String value = raw.toUpperCase(Locale.ROOT);
        return new IdNumber(value, birthDateOf(value));
    }

    /** The rule the number breaks, if any. */
    public static Optional<Violation> check(String field, String raw, LocalDate today) {
        if (raw == null || raw.isEmpty()) {
            return Optional.of(new Violation(field, "required", "is required"));
        }
        String value = raw.toUpperCase(Locale.ROOT);
        if (!value.matches("\\d{17}[\\dX]")) {
            return Optional.of(new Violation(field, "gb-11643-format",
                    "must be 18 characters: 17 digits and a check digit or X"));
        }
        if (value.charAt(0) == '0') {
            return Optional.of(new Violation(field, "gb-11643-address-code",
                    "must start with a six-digit address code such as 440106"));
        }
        LocalDate birth = birthDateOf(value);
        if (birth == null) {
            return Optional.of(new Violation(field, "gb-11643-birth-date",
                    "must carry a real birth date as YYYYMMDD in characters 7 to 14"));
        }
        if (birth.isAfter(today) || birth.getYear() < 1850) {
            return Optional.of(new Violation(field, "gb-11643-birth-date",
                    "must carry a birth date between 1850 and today"));
        }
        if (value.charAt(17) != checkCharacter(value)) {
            return Optional.of(new Violation(field, "gb-11643-check-digit",
                    "has a check character that does not match the first 17 digits; look for a typing error"));
        }
        return Optional.empty();
    }

    static char checkCharacter(String value) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (value.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    private static LocalDate birthDateOf(String value) {
        try {
            return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                    Integer.parseInt(value.substring(12, 14)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /**
     * The number for display: the province and the last four characters, e.g. {@code 44************123X}. With the
     * city, county and birth date hidden, a masked Guangdong number stands for some two million numbers, too many to
     * find the right one by trying them at a login or a registration.
     */
    public String masked() {
        return mask(value);
    }

    /** Masks any stored 18-character number the same way. */
    public static String mask(String value) {
        return value.substring(0, 2) + "*".repeat(12) + value.substring(14);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdNumber that && that.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
