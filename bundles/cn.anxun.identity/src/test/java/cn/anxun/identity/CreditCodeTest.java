package cn.anxun.identity;

import static org.junit.Assert.assertEquals;

import java.util.Arrays;
import java.util.Collection;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/** Unified social credit codes (GB 32100-2015). */
@RunWith(Parameterized.class)
public class CreditCodeTest {

    @Parameters(name = "{0} -> {1}")
    public static Collection<Object[]> codes() {
        return Arrays.asList(new Object[][] {
            {"91350100M000100Y43", null}, // the standard's usual example
            {"914403001922038216", null},
            {"9144030071526726XG", null},
            {"91110108551385082Q", null},
            {"9144030071526726xg", null}, // letters are compared in upper case
            {"91350100M000100Y44", "gb-32100-check-character"},
            {"914403001922038217", "gb-32100-check-character"},
            {"91350100M000100Y4", "gb-32100-format"},
            {"91350100I000100Y43", "gb-32100-format"}, // I is not used
            {"91350100O000100Y43", "gb-32100-format"}, // nor O
            {"91350100Z000100Y43", "gb-32100-format"}, // nor Z, S, V
            {"", "required"},
            {null, "required"},
        });
    }

    private final String code;
    private final String brokenRule;

    public CreditCodeTest(String code, String brokenRule) {
        this.code = code;
        this.brokenRule = brokenRule;
    }

    @Test
    public void checksTheCode() {
        assertEquals(brokenRule, CreditCode.check("employer.creditCode", code).map(Violation::rule).orElse(null));
    }
}
