/**
 * The data feed: the records of each kind, changed since a reader's last read, for the provincial and city
 * supervision platforms. Bundles that keep records offer them as {@link cn.anxun.feed.FeedSource}s and mark their
 * changes with {@link cn.anxun.feed.FeedSequence}; the items are the feed's own records, versioned with this package.
 */
@Version("1.1.0")
package cn.anxun.feed;

import org.osgi.annotation.versioning.Version;
