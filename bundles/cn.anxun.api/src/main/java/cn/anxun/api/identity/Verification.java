package cn.anxun.api.identity;

import java.util.Objects;

/**
 * The verdict of an {@link IdentityVerifier}.
 *
 * @param confirmed whether the verifier vouches for the person
 * @param level how strongly, e.g. {@code format} (rules only) or {@code registry} (matched the authoritative
 *        register); kept with the account so that regulators see it
 * @param reason why the verifier refused, or {@code null} when it confirmed
 */
public record Verification(boolean confirmed, String level, String reason) {

    public Verification {
        Objects.requireNonNull(level, "level");
        if (!confirmed && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a refusal needs a reason");
        }
    }

    public static Verification confirmed(String level) {
        return new Verification(true, level, null);
    }

    public static Verification refused(String level, String reason) {
        return new Verification(false, level, reason);
    }
}
