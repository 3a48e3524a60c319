package cn.anxun.courses.internal;

/** How long a text unit takes to read: its characters at the configured pace, and a while for each picture. */
final class ReadingTime {

    private ReadingTime() {
    }

    static long seconds(String text, int pictures, CoursesConfig config) {
        long characters = text.codePoints().filter(c -> !Character.isWhitespace(c)).count();
        long perMinute = Math.max(1, config.readingCharactersPerMinute());
        return (characters * 60 + perMinute - 1) / perMinute + (long) pictures * Math.max(0,
                config.secondsPerPicture());
    }
}
