package cn.anxun.identity;

import java.time.Duration;

/**
 * How many requests of a kind one client address may make in a window.
 *
 * @param kind what is counted, e.g. {@code registration}; at most 60 characters
 * @param advice what to tell whoever reaches the limit, or {@code null}
 * @since 1.6
 */
public record RequestLimit(String kind, int perWindow, Duration window, String advice) {

    public RequestLimit {
        if (kind.length() > 60 || perWindow < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a limit counts a named kind, at least once, in a window of time");
        }
    }
}
