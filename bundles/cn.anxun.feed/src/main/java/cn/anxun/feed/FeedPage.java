package cn.anxun.feed;

import java.util.List;

/**
 * A page of the feed.
 *
 * @param items the records, each as it is now
 * @param last the position to read after next time: that of the last item, else the position read after
 * @param more whether changes wait beyond this page
 */
public record FeedPage<T>(List<T> items, long last, boolean more) {

    public FeedPage {
        items = List.copyOf(items);
    }
}
