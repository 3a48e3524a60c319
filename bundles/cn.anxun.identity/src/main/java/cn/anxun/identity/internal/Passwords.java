package cn.anxun.identity.internal;

import java.util.Base64;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import cn.anxun.identity.Violation;

/** Password rules and hashes: bcrypt with its own random salt per hash, at a configurable cost. */
final class Passwords {

    private static final String GENERATED_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final BCryptPasswordEncoder encoder;
    private final SecureRandom random = new SecureRandom();
    /** Compared against when the account does not exist, so that the answer takes as long either way. */
    private volatile String decoy;

    Passwords(int cost) {
        encoder = new BCryptPasswordEncoder(cost, random);
    }

    String hash(String password) {
        return encoder.encode(password);
    }

    /**
     * Whether the password matches the hash; with a {@code null} hash or none of bcrypt (an account that only signs
     * on through an identity provider), spends the same time and says no.
     */
    boolean matches(String password, String hash) {
        if (!isHash(hash)) {
            if (decoy == null) {
                decoy = encoder.encode("decoy");
            }
            encoder.matches(password, decoy);
            return false;
        }
        return encoder.matches(password, hash);
    }

    static boolean isHash(String value) {
        return value != null && value.matches("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");
    }

    /** The rule a new password breaks, if any. bcrypt reads 72 bytes at most, hence the upper limit. */
    static Optional<Violation> check(String field, String password, String personal) {
        if (password == null || password.isEmpty()) {
            return Optional.of(new Violation(field, "required", "is required"));
        }
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (password.length() < 8 || bytes > 72) {
            return Optional.of(new Violation(field, "password-length", "must be 8 to 72 bytes long"));
        }
        if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            return Optional.of(new Violation(field, "password-strength", "must contain letters and digits"));
        }
        if (personal != null && password.toUpperCase().contains(personal.toUpperCase())) {
            return Optional.of(new Violation(field, "password-personal", "must not contain your ID number or user name"));
        }
        return Optional.empty();
    }

    /** A password of 14 characters that cannot be mistaken for each other when read aloud. */
    /** A client secret: 32 characters of the URL-safe Base64 alphabet, 192 random bits. */
    String secret() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String generate() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            password.append(GENERATED_ALPHABET.charAt(random.nextInt(GENERATED_ALPHABET.length())));
        }
        return password.append(random.nextInt(90) + 10).toString();
    }
}
