package cn.anxun.feed;

import org.osgi.annotation.versioning.ConsumerType;

import cn.anxun.identity.Reach;

/** One kind of record in the feed, offered by the bundle that keeps the records. */
@ConsumerType
public interface FeedSource {

    /** The kind as the feed's path names it, lower case and plural, e.g. {@code enrolments}. */
    String kind();

    /** The record of each item, which the feed's schema describes. */
    Class<?> itemType();

    /**
     * The records changed after the position that are in the reader's reach, in the order of their changes; a record
     * changed again since the position comes once, as it is now.
     *
     * @param reach the reader's reach on {@link cn.anxun.identity.RecordKind#FEED}
     * @param after the position of the reader's last read, 0 for the first
     * @param limit at most this many items
     */
    FeedPage<?> read(Reach reach, long after, int limit);
}
