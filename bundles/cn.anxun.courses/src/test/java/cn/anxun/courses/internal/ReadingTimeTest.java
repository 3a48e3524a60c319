package cn.anxun.courses.internal;

import static org.junit.Assert.assertEquals;

import java.lang.annotation.Annotation;

import org.junit.Test;

public class ReadingTimeTest {

    private static final CoursesConfig PACE = new CoursesConfig() {
        @Override
        public Class<? extends Annotation> annotationType() {
            return CoursesConfig.class;
        }

        @Override
        public int initialOnlineShare() {
            return 80;
        }

        @Override
        public int readingCharactersPerMinute() {
            return 400;
        }

        @Override
        public int secondsPerPicture() {
            return 20;
        }
    };

    @Test
    public void charactersWithoutSpacesAtTheirPaceAndAWhileForEachPicture() {
        assertEquals("400 characters: one minute", 60, ReadingTime.seconds("安".repeat(400), 0, PACE));
        assertEquals("spaces do not count", 60, ReadingTime.seconds("安 全\n".repeat(200), 0, PACE));
        assertEquals("a started second counts", 1, ReadingTime.seconds("安", 0, PACE));
        assertEquals(60 + 3 * 20, ReadingTime.seconds("安".repeat(400), 3, PACE));
    }
}
