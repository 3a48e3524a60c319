package cn.anxun.itests;

import java.util.concurrent.atomic.AtomicLong;

/** Fresh unified social credit codes that pass GB 32100, for institutions that must not collide within one run. */
final class CreditCodes {

    private static final String CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 100_000_000L);

    private CreditCodes() {
    }

    /** A code of an enterprise registered in 广州, with a new organisation number each call. */
    static String next() {
        String first17 = "91440101" + String.format("%09d", SEQUENCE.incrementAndGet() % 1_000_000_000L);
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            sum += CHARACTERS.indexOf(first17.charAt(i)) * weight;
            weight = weight * 3 % 31;
        }
        return first17 + CHARACTERS.charAt((31 - sum % 31) % 31);
    }
}
