package cn.anxun.courses.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;

import org.junit.Test;

public class KeywordFilterTest {

    private final KeywordFilter filter = new KeywordFilter(new KeywordsConfig() {
        @Override
        public Class<? extends Annotation> annotationType() {
            return KeywordsConfig.class;
        }

        @Override
        public String[] words() {
            return new String[] {"代学, 刷课", "VPN"};
        }
    });

    @Test
    public void aListedWordIsFoundInAnyWidthCaseOrSpacing() {
        assertFalse(filter.screen("专业代学，包过").shown());
        assertFalse(filter.screen("代 学 联系我").shown());
        assertFalse(filter.screen("刷-课 服务").shown());
        assertFalse(filter.screen("翻墙用ｖｐｎ").shown());
        assertFalse("a zero-width space inside", filter.screen("代\u200b学").shown());
        assertFalse("a soft hyphen inside", filter.screen("刷\u00ad课").shown());
        assertEquals("holds the listed word \"代学\"", filter.screen("代·学").reason());
    }

    @Test
    public void otherTextIsShown() {
        assertTrue(filter.screen("老师讲得很清楚，验电步骤一目了然。").shown());
    }
}
