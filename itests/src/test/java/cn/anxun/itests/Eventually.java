package cn.anxun.itests;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds or a deadline passes: the tests' only way to wait. */
public final class Eventually {

    private static final long POLL_MILLIS = 50;

    private Eventually() {
    }

    /** Waits until the condition holds and answers how long that took; fails with the description after the deadline. */
    public static Duration await(String description, Duration deadline, BooleanSupplier condition) {
        long start = System.nanoTime();
        long end = start + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Not within " + deadline.toSeconds() + " s: " + description);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + description, e);
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
