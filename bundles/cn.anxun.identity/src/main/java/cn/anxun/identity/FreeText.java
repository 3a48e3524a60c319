package cn.anxun.identity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules of every free text anyone writes into the platform, learners and staff alike: a bounded length, and no
 * contact details (R-27: the platform keeps none of learners). The screen finds mainland mobile and landline
 * numbers (with or without area code, {@code +86} or {@code 0086}, split by spaces or '-'), {@code tel:} links,
 * e-mail addresses and WeChat or QQ IDs. Full-width characters are folded first, so that "１３８ ００１３ ８０００"
 * is caught like "13800138000".
 */
public final class FreeText {

    private record Shape(String name, Pattern pattern) {
    }

    private static final String WECHAT = "(?<![a-z])(?:微信|威信|weixin|wechat|v信|vx|wx)";
    private static final String WECHAT_ID = "[a-z][-_a-z\\d]{5,19}";
    /** A local landline number of 7 or 8 digits, its first digit 2-8, split once or not at all. */
    private static final String LOCAL = "[2-8]\\d{2,3}[\\s-]?\\d{4}(?!\\d)";
    private static final String AREA = "\\(?0[1-9]\\d{1,2}\\)?[\\s-]?";

    private static final List<Shape> SHAPES = List.of(
            new Shape("a mobile phone number",
                    Pattern.compile("(?<!\\d)(?:(?:\\+|00)?86[\\s-]?)?1[3-9]\\d(?:[\\s-]?\\d){8}(?!\\d)")),
            new Shape("a landline number", Pattern.compile("(?<![\\d+])(?:(?:\\+|00)86[\\s-]?\\(?0?[1-9]\\d{1,2}\\)?"
                    + "[\\s-]?|" + AREA + ")" + LOCAL)),
            // a local number without its area code only after a word that announces it: "2019年" and "第2023号" pass
            new Shape("a landline number", Pattern.compile("(?i)(?:电话|座机|固话|联系|热线|传真|tel|phone|fax)\\D{0,6}"
                    + "(?<!\\d)" + LOCAL)),
            new Shape("a tel: link", Pattern.compile("(?i)tel:\\s*\\+?\\d")),
            new Shape("an e-mail address",
                    Pattern.compile("[\\p{L}\\d._%+-]+\\s*(?:@|＠|\\(at\\)|\\[at\\])\\s*[\\p{L}\\d-]+(?:\\.[\\p{L}\\d-]+)+")),
            // a WeChat ID after a cue (号, ID, a colon), or one with a digit, '_' or '-' after the bare word:
            // "WeChat marketing" and "深圳微信科技" are not IDs, "微信：zhangsan" and "vx zs123456" are
            new Shape("a WeChat ID", Pattern.compile("(?i)" + WECHAT + "(?:\\s*(?:号|id)\\s*[:：]?|\\s*[:：])\\s*"
                    + WECHAT_ID + "|" + WECHAT + "\\s*(?=[a-z]+[-_\\d])" + WECHAT_ID)),
            new Shape("a QQ number", Pattern.compile("(?i)(?<![a-z])(?:qq|扣扣|企鹅)\\s*(?:号)?\\s*[:：]?\\s*[1-9]\\d{4,11}")));

    private FreeText() {
    }

    /**
     * Checks a free text and answers it stripped, {@code null} when blank.
     *
     * @param violations where a broken rule is added: required and blank, longer than {@code max} characters, or
     *        carrying contact details
     */
    public static String check(List<Violation> violations, String field, String value, int max, boolean required) {
        String stripped = value == null || value.isBlank() ? null : value.strip();
        if (stripped == null) {
            if (required) {
                violations.add(new Violation(field, "required", "is required"));
            }
            return null;
        }
        if (stripped.length() > max) {
            violations.add(new Violation(field, "max-length", "must be at most " + max + " characters long"));
        }
        screen(violations, field, stripped);
        return stripped;
    }

    /**
     * A required free text, such as the reason for a decision, answered stripped.
     *
     * @throws InvalidInputException naming the field if it is blank, longer than {@code max} or carries contact
     *         details
     * @since 1.7
     */
    public static String required(String field, String value, int max) {
        List<Violation> violations = new ArrayList<>();
        String stripped = check(violations, field, value, max, true);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return stripped;
    }

    /** Adds a violation to {@code violations} if the text carries contact details; its length is the caller's rule. */
    public static void screen(List<Violation> violations, String field, String text) {
        contactData(text).ifPresent(kind -> violations.add(new Violation(field, "no-contact-data",
                "looks like it contains " + kind + "; the platform keeps no contact details of learners "
                        + "(粤应急规〔2022〕3号 Art. 27)")));
    }

    /** What kind of contact detail the text contains, if any. */
    public static Optional<String> contactData(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return SHAPES.stream().filter(shape -> shape.pattern().matcher(folded).find()).map(Shape::name).findFirst();
    }
}
