package cn.anxun.archive.internal;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class NameMaskTest {

    @Test
    public void theFirstAndLastCharactersStay() {
        assertEquals("张*", NameMask.mask("张三"));
        assertEquals("张*丰", NameMask.mask("张三丰"));
        assertEquals("欧**娜", NameMask.mask("欧阳娜娜"));
        assertEquals("阿******提", NameMask.mask("阿卜杜拉·买买提"));
        assertEquals("*", NameMask.mask("张"));
    }
}
