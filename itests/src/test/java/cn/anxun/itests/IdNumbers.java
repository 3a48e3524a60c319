package cn.anxun.itests;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;

/** Fresh resident ID numbers that pass GB 11643, for learners that must not collide within one run. */
final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 500));

    private IdNumbers() {
    }

    /** A number of someone born in 荔湾区 from 1990-03-07 on, with a new sequence number (and day) each call. */
    static String next() {
        int n = SEQUENCE.incrementAndGet();
        String first17 = "440103" + LocalDate.of(1990, 3, 7).plusDays(n / 1000).format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", n % 1000);
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += Character.digit(first17.charAt(i), 10) * WEIGHTS[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    static String masked(String number) {
        return number.substring(0, 2) + "*".repeat(12) + number.substring(14);
    }
}
