package cn.anxun.identity.internal;

import java.text.Normalizer;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds contact details typed into free text: mainland mobile numbers, e-mail addresses and WeChat or QQ
 * IDs. Full-width characters are folded first, so that "１３８ ００１３ ８０００" is caught like "13800138000".
 */
final class ContactDataScreen {

    private record Shape(String name, Pattern pattern) {
    }

    private static final String WECHAT = "(?<![a-z])(?:微信|威信|weixin|wechat|v信|vx|wx)";
    private static final String WECHAT_ID = "[a-z][-_a-z\\d]{5,19}";

    private static final List<Shape> SHAPES = List.of(
            new Shape("a mobile phone number",
                    Pattern.compile("(?<!\\d)(?:\\+?86[\\s-]?)?1[3-9]\\d(?:[\\s-]?\\d){8}(?!\\d)")),
            new Shape("an e-mail address",
                    Pattern.compile("[\\p{L}\\d._%+-]+\\s*(?:@|＠|\\(at\\)|\\[at\\])\\s*[\\p{L}\\d-]+(?:\\.[\\p{L}\\d-]+)+")),
            // a WeChat ID after a cue (号, ID, a colon), or one with a digit, '_' or '-' after the bare word:
            // "WeChat marketing" and "深圳微信科技" are not IDs, "微信：zhangsan" and "vx zs123456" are
            new Shape("a WeChat ID", Pattern.compile("(?i)" + WECHAT + "(?:\\s*(?:号|id)\\s*[:：]?|\\s*[:：])\\s*"
                    + WECHAT_ID + "|" + WECHAT + "\\s*(?=[a-z]+[-_\\d])" + WECHAT_ID)),
            new Shape("a QQ number", Pattern.compile("(?i)(?<![a-z])(?:qq|扣扣|企鹅)\\s*(?:号)?\\s*[:：]?\\s*[1-9]\\d{4,11}")));

    private ContactDataScreen() {
    }

    /** What kind of contact detail the text contains, if any. */
    static Optional<String> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return SHAPES.stream().filter(shape -> shape.pattern().matcher(folded).find()).map(Shape::name).findFirst();
    }
}
