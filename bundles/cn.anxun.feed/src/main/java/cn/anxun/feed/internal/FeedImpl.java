package cn.anxun.feed.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import cn.anxun.feed.Feed;
import cn.anxun.feed.FeedPage;
import cn.anxun.feed.FeedSource;
import cn.anxun.identity.AccessPolicy;
import cn.anxun.identity.AuditLog;
import cn.anxun.identity.Caller;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.NotFoundException;
import cn.anxun.identity.Operation;
import cn.anxun.identity.Reach;
import cn.anxun.identity.RecordKind;

/** The feed over the installed sources: a reader's reach from the access policy, each read audited. */
@Component(service = Feed.class)
public class FeedImpl implements Feed {

    private final AccessPolicy policy;
    private final AuditLog audit;
    private final Map<String, FeedSource> sources = new ConcurrentHashMap<>();

    @Activate
    public FeedImpl(@Reference AccessPolicy policy, @Reference AuditLog audit) {
        this.policy = policy;
        this.audit = audit;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSource(FeedSource source) {
        sources.put(source.kind(), source);
    }

    void removeSource(FeedSource source) {
        sources.remove(source.kind(), source);
    }

    @Override
    public List<FeedSource> sources() {
        return sources.values().stream().sorted(Comparator.comparing(FeedSource::kind)).toList();
    }

    @Override
    public List<FeedSource> sources(Caller caller) {
        policy.reach(caller, Operation.READ, RecordKind.FEED);
        return sources();
    }

    @Override
    public FeedPage<?> read(Caller caller, String kind, String after, int limit) {
        Reach reach = policy.reach(caller, Operation.READ, RecordKind.FEED);
        FeedSource source = kind == null ? null : sources.get(kind);
        if (source == null) {
            throw new NotFoundException("The feed has no kind '" + kind + "'; GET /api/v1/feed lists its kinds.");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "range", "is 1 to " + MAX_LIMIT);
        }
        long position = position(after);
        FeedPage<?> page = source.read(reach, position, limit);
        audit.record(caller, "feed.read", "feed:" + kind, caller.regionCode(), "success", page.items().size()
                + " items after " + position + " to " + page.last());
        return page;
    }

    private static long position(String after) {
        if (after == null || after.isEmpty()) {
            return 0;
        }
        try {
            long position = Long.parseLong(after);
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInputException("after", "feed-position", "is the next of the reader's last page, as it "
                + "was given");
    }
}
