package cn.anxun.identity;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

public class PagePositionTest {

    @Test
    public void aPositionComesBackAsItWasGiven() {
        PagePosition last = new PagePosition("1765000000000", "7f3c0d2e-1b2a-4c5d-8e9f-000000000001");
        PagePosition again = PagePosition.of(last.text());
        assertEquals(last, again);
        assertEquals(1_765_000_000_000L, again.firstNumber());
    }

    @Test
    public void anythingElseIsRefusedNamingAfter() {
        for (String after : new String[] {"nonsense!", "b25lIHR3byB0aHJlZQ", "b25l"}) {
            InvalidInputException refused = assertThrows(InvalidInputException.class, () -> PagePosition.of(after));
            assertEquals("after", refused.violations().get(0).field());
        }
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> new PagePosition("x", "y").firstNumber());
        assertEquals("page-position", refused.violations().get(0).rule());
    }
}
