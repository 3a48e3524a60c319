package cn.anxun.identity;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a page of a list ends, for the next page to start after it: the sort keys of its last row, given out as an
 * opaque text. Keys hold no spaces.
 *
 * @since 2.2
 */
public record PagePosition(String first, String second) {

    /** The position as the list's {@code next} gives it. */
    public String text() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((first + " " + second)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The first key, a number such as a time in milliseconds. */
    public long firstNumber() {
        try {
            return Long.parseLong(first);
        } catch (NumberFormatException e) {
            throw refused();
        }
    }

    /**
     * The position a list's {@code next} gave.
     *
     * @throws InvalidInputException naming the parameter {@code after} if it is not one
     */
    public static PagePosition of(String after) {
        try {
            String[] keys = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8).split(" ");
            if (keys.length == 2) {
                return new PagePosition(keys[0], keys[1]);
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw refused();
    }

    private static InvalidInputException refused() {
        return new InvalidInputException("after", "page-position", "is the next position of the page before, as it "
                + "was given");
    }
}
