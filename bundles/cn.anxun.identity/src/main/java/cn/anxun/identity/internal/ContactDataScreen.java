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

    private static final List<Shape> SHAPES = List.of(
            new Shape("a mobile phone number",
                    Pattern.compile("(?<!\\d)(?:\\+?86[\\s-]?)?1[3-9]\\d(?:[\\s-]?\\d){8}(?!\\d)")),
            new Shape("an e-mail address",
                    Pattern.compile("[\\p{L}\\d._%+-]+\\s*(?:@|＠|\\(at\\)|\\[at\\])\\s*[\\p{L}\\d-]+(?:\\.[\\p{L}\\d-]+)+")),
            new Shape("a WeChat ID", Pattern.compile(
                    "(?i)(?:微信|威信|weixin|wechat|v信|vx|wx)\\s*(?:号|id)?\\s*[:：]?\\s*[a-z][-_a-z\\d]{5,19}")),
            new Shape("a QQ number", Pattern.compile("(?i)(?:qq|扣扣|企鹅)\\s*(?:号)?\\s*[:：]?\\s*[1-9]\\d{4,11}")));

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
