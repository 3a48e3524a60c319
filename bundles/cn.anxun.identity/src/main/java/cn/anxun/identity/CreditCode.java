package cn.anxun.identity;

import java.util.Locale;
import java.util.Optional;

/** A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters, the last a check character. */
public final class CreditCode {

    private static final String CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /** The rule the code breaks, if any. Letters are compared in upper case. */
    public static Optional<Violation> check(String field, String raw) {
        if (raw == null || raw.isEmpty()) {
            return Optional.of(new Violation(field, "required", "is required"));
        }
        String code = raw.toUpperCase(Locale.ROOT);
        if (code.length() != 18 || !code.chars().allMatch(c -> CHARACTERS.indexOf(c) >= 0)) {
            return Optional.of(new Violation(field, "gb-32100-format", "must be 18 characters of 0-9 and "
                    + "A-Y without I, O, Z, S and V, e.g. 91350100M000100Y43"));
        }
        if (code.charAt(17) != checkCharacter(code)) {
            return Optional.of(new Violation(field, "gb-32100-check-character",
                    "has a check character that does not match the first 17 characters; look for a typing error"));
        }
        return Optional.empty();
    }

    static char checkCharacter(String code) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARACTERS.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        return CHARACTERS.charAt((31 - sum % 31) % 31);
    }
}
