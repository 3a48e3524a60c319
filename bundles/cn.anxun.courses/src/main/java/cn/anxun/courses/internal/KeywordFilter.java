package cn.anxun.courses.internal;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

import cn.anxun.api.content.ContentFilter;
import cn.anxun.api.content.Screening;

/**
 * The default content filter: holds back text with a configured word. Text and words are compared in one form
 * (NFKC, lower case, without spaces, punctuation or invisible characters), so that full-width letters, "代 学" or a
 * zero-width space inside a word do not slip through.
 */
@Component(service = ContentFilter.class, configurationPid = KeywordsConfig.PID)
@Designate(ocd = KeywordsConfig.class)
public class KeywordFilter implements ContentFilter {

    private volatile List<String> words;

    @Activate
    public KeywordFilter(KeywordsConfig config) {
        modified(config);
    }

    @Modified
    void modified(KeywordsConfig config) {
        words = Arrays.stream(config.words()).flatMap(word -> Arrays.stream(word.split(",")))
                .map(KeywordFilter::folded).filter(word -> !word.isEmpty()).distinct().toList();
    }

    @Override
    public String id() {
        return "keywords";
    }

    @Override
    public Screening screen(String text) {
        String folded = folded(text);
        Optional<String> found = words.stream().filter(folded::contains).findFirst();
        return found.map(word -> Screening.held("holds the listed word \"" + word + "\"")).orElse(Screening.passed());
    }

    static String folded(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[\\p{Z}\\s\\p{P}\\p{S}\\p{Cf}\\p{Cc}]", "");
    }
}
