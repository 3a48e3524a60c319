package cn.anxun.archive.internal;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Certificate numbers: sixteen characters of Crockford's base 32 (80 random bits), in groups of four, e.g.
 * {@code K7Q2-9XMB-4TZR-H8WD}. Read back whatever the case and the separators, with O taken for 0 and I or L for 1,
 * as people copying a paper certificate write them.
 */
final class CertificateNumbers {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateNumbers() {
    }

    static String fresh() {
        StringBuilder number = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            number.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return grouped(number);
    }

    /** The number as written, or nothing if it is not one. */
    static Optional<String> read(String written) {
        if (written == null || written.length() > 40) {
            return Optional.empty();
        }
        StringBuilder number = new StringBuilder(16);
        for (char c : written.toUpperCase(Locale.ROOT).toCharArray()) {
            char read = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(read) >= 0) {
                number.append(read);
            } else if (c != '-' && c != ' ') {
                return Optional.empty();
            }
        }
        return number.length() == 16 ? Optional.of(grouped(number)) : Optional.empty();
    }

    private static String grouped(CharSequence number) {
        return number.subSequence(0, 4) + "-" + number.subSequence(4, 8) + "-" + number.subSequence(8, 12) + "-"
                + number.subSequence(12, 16);
    }
}
