package cn.anxun.support;

import java.time.YearMonth;

/**
 * How the support staff kept their deadlines for the tickets opened in a month.
 *
 * @param responded tickets with a first answer; {@code medianResponseMinutes} the median time to it
 * @param resolved tickets resolved; {@code medianResolutionHours} the median time to the first resolution
 * @param responseBreaches tickets whose first answer came late or has not come past its deadline
 * @param resolutionBreaches likewise for the resolution
 * @param unresolved tickets not resolved now
 */
public record SlaReport(YearMonth month, long opened, long responded, Double medianResponseMinutes, long resolved,
        Double medianResolutionHours, long responseBreaches, long resolutionBreaches, long unresolved) {
}
