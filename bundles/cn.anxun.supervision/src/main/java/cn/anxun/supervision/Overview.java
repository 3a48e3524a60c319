package cn.anxun.supervision;

import java.time.Instant;
import java.util.List;

import cn.anxun.classes.Breakdown;

/**
 * A region's training at a moment, broken down; {@code total} sums the rows.
 *
 * @param region the city or county code, {@code 440000} for the province
 */
public record Overview(String region, Breakdown by, Instant at, OverviewRow total, List<OverviewRow> rows) {
}
