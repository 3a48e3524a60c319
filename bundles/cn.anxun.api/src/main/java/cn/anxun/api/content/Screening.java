package cn.anxun.api.content;

/**
 * A filter's answer.
 *
 * @param shown whether the text may be shown
 * @param reason why it is held back, for the operator who reviews it; {@code null} when it is shown
 */
public record Screening(boolean shown, String reason) {

    public static Screening passed() {
        return new Screening(true, null);
    }

    public static Screening held(String reason) {
        return new Screening(false, reason);
    }
}
