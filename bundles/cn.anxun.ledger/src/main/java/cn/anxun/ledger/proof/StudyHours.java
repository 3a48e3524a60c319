package cn.anxun.ledger.proof;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** 45 minutes of credited study are one 学时; totals keep seconds and show hours to one decimal, rounded down. */
public final class StudyHours {

    public static final long SECONDS_PER_HOUR = 45 * 60;

    private StudyHours() {
    }

    public static String of(long seconds) {
        return BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(SECONDS_PER_HOUR), 1, RoundingMode.FLOOR)
                .toPlainString();
    }
}
