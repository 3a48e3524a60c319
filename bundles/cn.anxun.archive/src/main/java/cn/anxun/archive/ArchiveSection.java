package cn.anxun.archive;

import java.util.List;

import cn.anxun.api.archive.ArchiveRecord;

/**
 * The records of one kind in an archive, as one contributor gave them.
 *
 * @param kind e.g. {@code ledger}
 * @param title the section's title in Chinese
 * @since 1.1
 */
public record ArchiveSection(String kind, String title, List<ArchiveRecord> records) {

    public ArchiveSection {
        records = List.copyOf(records);
    }
}
