package cn.anxun.identity;

import static org.junit.Assert.assertEquals;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/** Resident ID numbers (GB 11643-1999): which pass, and which rule each failing one breaks. */
@RunWith(Parameterized.class)
public class IdNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @Parameters(name = "{0} -> {1}")
    public static Collection<Object[]> numbers() {
        return Arrays.asList(new Object[][] {
            // the published examples of regulation/numbers.md
            {"11010519491231002X", null},
            {"440524188001010014", null},
            {"11010519491231002x", null}, // lower-case x is folded
            {"440106199003071231", null},
            {"440106200002291238", null}, // 2000 was a leap year
            {"440305198512310026", null}, // even sequence: a woman
            {"440106199003071234", "gb-11643-check-digit"},
            {"11010519491231002Y", "gb-11643-format"},
            {"44010619900307123", "gb-11643-format"},
            {"4401061990030712310", "gb-11643-format"},
            {"44010619900307123 ", "gb-11643-format"},
            {"４40106199003071231", "gb-11643-format"}, // a full-width digit is not a digit here
            {"440106190002291231", "gb-11643-birth-date"}, // 1900 was not a leap year
            {"440106199013011232", "gb-11643-birth-date"}, // month 13
            {"440106209901011237", "gb-11643-birth-date"}, // in the future
            {"040106199003071237", "gb-11643-address-code"},
            {"", "required"},
            {null, "required"},
        });
    }

    private final String number;
    private final String brokenRule;

    public IdNumberTest(String number, String brokenRule) {
        this.number = number;
        this.brokenRule = brokenRule;
    }

    @Test
    public void checksTheNumber() {
        Optional<Violation> violation = IdNumber.check("idNumber", number, TODAY);
        assertEquals(brokenRule, violation.map(Violation::rule).orElse(null));
        violation.ifPresent(v -> assertEquals("idNumber", v.field()));
    }
}
