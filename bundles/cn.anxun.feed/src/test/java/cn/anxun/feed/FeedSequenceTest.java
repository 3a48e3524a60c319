package cn.anxun.feed;

import static org.junit.Assert.assertNotEquals;

import org.junit.Test;

public class FeedSequenceTest {

    @Test
    public void aChangeNeverMarksTheRowWithTheMarkItHad() {
        Long mark = null;
        for (int i = 0; i < 10_000; i++) {
            long next = FeedSequence.changed(mark);
            if (mark != null) {
                assertNotEquals(mark.longValue(), next);
            }
            mark = i % 3 == 0 ? null : next;
        }
    }
}
