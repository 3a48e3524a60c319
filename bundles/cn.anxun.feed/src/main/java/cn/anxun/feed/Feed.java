package cn.anxun.feed;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import cn.anxun.identity.Caller;

/** The feed's reads, for a reader of a region: each read audited. */
@ProviderType
public interface Feed {

    /** The version of the items' format: a new major version when one changes other than by new properties. */
    String VERSION = "1.0";

    /** The most items a page holds. */
    int MAX_LIMIT = 1000;

    /** The kinds the installed sources offer, with the type of their items. */
    List<FeedSource> sources();

    /**
     * The kinds, for a reader of the feed.
     *
     * @throws cn.anxun.identity.AccessDeniedException for a caller who may not read the feed
     * @since 1.1
     */
    List<FeedSource> sources(Caller caller);

    /**
     * A page of the kind's records changed after the position, in the caller's region.
     *
     * @param after the {@code next} of the reader's last page, {@code null} for all from the start
     * @throws cn.anxun.identity.NotFoundException for a kind no source offers
     * @throws cn.anxun.identity.InvalidInputException naming {@code after} or {@code limit}
     */
    FeedPage<?> read(Caller caller, String kind, String after, int limit);
}
