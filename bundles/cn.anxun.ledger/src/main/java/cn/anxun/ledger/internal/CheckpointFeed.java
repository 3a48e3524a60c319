package cn.anxun.ledger.internal;

import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.feed.FeedCheckpoint;
import cn.anxun.feed.FeedPage;
import cn.anxun.feed.FeedSource;
import cn.anxun.identity.Reach;
import cn.anxun.ledger.SignedCheckpoint;

/**
 * The ledger's signed checkpoints in the feed, for every reader: they cover the whole ledger and name no one. A
 * checkpoint never changes and each is signed after the one before, so its tree size is its position.
 */
@Component(service = FeedSource.class)
public class CheckpointFeed implements FeedSource {

    private final JpaTemplate jpa;

    @Activate
    public CheckpointFeed(@Reference(target = "(osgi.unit.name=anxun-ledger)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public String kind() {
        return "checkpoints";
    }

    @Override
    public Class<?> itemType() {
        return FeedCheckpoint.class;
    }

    @Override
    public FeedPage<FeedCheckpoint> read(Reach reach, long after, int limit) {
        List<CheckpointRecord> rows = jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "SELECT c FROM CheckpointRecord c WHERE c.treeSize > :after ORDER BY c.treeSize",
                CheckpointRecord.class).setParameter("after", after).setMaxResults(limit + 1).getResultList());
        List<FeedCheckpoint> items = rows.stream().limit(limit).map(CheckpointRecord::view).map(
                (SignedCheckpoint c) -> new FeedCheckpoint(c.treeSize(), c.rootHash(), c.signedAt(), c.note()))
                .toList();
        return new FeedPage<>(items, items.isEmpty() ? after : items.get(items.size() - 1).treeSize(),
                rows.size() > limit);
    }
}
