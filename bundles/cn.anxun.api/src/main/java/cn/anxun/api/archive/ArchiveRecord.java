package cn.anxun.api.archive;

import java.time.Instant;

/**
 * One record of an archive.
 *
 * @param at when it happened; {@code null} for a figure that stands for the whole, such as a total
 * @param summary the record in one line of Chinese, as the printed archive shows it
 * @param data the record as the contributing bundle's API gives it, answered as JSON; personal data in it masked
 */
public record ArchiveRecord(Instant at, String summary, Object data) {
}
