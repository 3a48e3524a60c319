package cn.anxun.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.Query;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.anxun.identity.Reach;
import cn.anxun.platform.persistence.DatabaseFailure;

/**
 * The order of one entity's changes in the feed. The entity, a {@link FedRecord}, keeps two columns: {@code FEEDSEQ}
 * (attribute {@code feedSequence}, unique), the number of the row's last numbered change, and {@code FEEDMARK}
 * ({@code feedMark}), a mark while a change waits for its number, else null. Each write of a row gives it a new mark
 * ({@link #changed}) in the write's own transaction. Before a read, the waiting rows are numbered after the highest
 * number given, in a transaction of their own that sees only committed writes, each only if its mark is still the one
 * read: a write that commits meanwhile leaves it waiting for the next numbering. A row's number only grows and fed
 * rows are never deleted, so a number is never given at or below one a reader may have seen: a reader that asks for
 * the numbers above its last one misses no change.
 *
 * @param <E> the entity
 */
public final class FeedSequence<E extends FedRecord> {

    /** Rows numbered before one read. */
    static final int BATCH = 2000;

    private final Class<E> entity;
    private final List<String> keys;
    private final String waiting;

    /**
     * @param keys the attributes of the entity's id
     */
    public FeedSequence(Class<E> entity, List<String> keys) {
        this.entity = entity;
        this.keys = List.copyOf(keys);
        this.waiting = " FROM " + entity.getSimpleName() + " e WHERE e.feedMark IS NOT NULL";
    }

    /** The mark of a row written now: never the mark it had, so that the write always stores it. */
    public static long changed(Long mark) {
        long next;
        do {
            next = -1 - ThreadLocalRandom.current().nextLong(Long.MAX_VALUE);
        } while (mark != null && next == mark);
        return next;
    }

    /**
     * Numbers waiting changes, then reads the rows numbered after the position in reach.
     *
     * @param reached the reader's reach as a condition on the entity, called {@code e}
     * @param item the feed's record of a row
     */
    public <T> FeedPage<T> read(JpaTemplate jpa, Reach.Condition reached, long after, int limit,
            Function<E, T> item) {
        boolean waitingStill = number(jpa);
        return jpa.txExpr(TransactionType.Required, em -> {
            List<Object[]> rows = reached.bind(em.createQuery("SELECT e, e.feedSequence FROM "
                    + entity.getSimpleName() + " e WHERE e.feedSequence > :after AND " + reached.jpql()
                    + " ORDER BY e.feedSequence", Object[].class)).setParameter("after", after)
                    .setMaxResults(limit + 1).getResultList();
            List<T> items = new ArrayList<>();
            long last = after;
            for (Object[] row : rows.subList(0, Math.min(limit, rows.size()))) {
                items.add(item.apply(entity.cast(row[0])));
                last = (Long) row[1];
            }
            return new FeedPage<>(items, last, rows.size() > limit || waitingStill);
        });
    }

    /** Numbers a batch of waiting rows; whether more wait. Another node numbering at once wins, and this one again. */
    private synchronized boolean number(JpaTemplate jpa) {
        return DatabaseFailure.onConflict(() -> jpa.txExpr(TransactionType.Required, this::number),
                () -> jpa.txExpr(TransactionType.Required, this::number));
    }

    private boolean number(EntityManager em) {
        String keyPaths = String.join(", ", keys.stream().map(key -> "e." + key).toList());
        List<Object[]> found = em.createQuery("SELECT e.feedMark, " + keyPaths + waiting + " ORDER BY " + keyPaths,
                Object[].class).setMaxResults(BATCH + 1).getResultList();
        if (found.isEmpty()) {
            return false;
        }
        Long highest = em.createQuery("SELECT MAX(e.feedSequence) FROM " + entity.getSimpleName() + " e",
                Long.class).getSingleResult();
        long next = highest == null ? 1 : highest + 1;
        StringBuilder update = new StringBuilder("UPDATE ").append(entity.getSimpleName())
                .append(" e SET e.feedSequence = :number, e.feedMark = NULL WHERE e.feedMark = :mark");
        keys.forEach(key -> update.append(" AND e.").append(key).append(" = :").append(key));
        for (Object[] row : found.subList(0, Math.min(BATCH, found.size()))) {
            Query numbering = em.createQuery(update.toString()).setParameter("number", next)
                    .setParameter("mark", row[0]);
            for (int i = 0; i < keys.size(); i++) {
                numbering.setParameter(keys.get(i), row[i + 1]);
            }
            next += numbering.executeUpdate();
        }
        return found.size() > BATCH;
    }
}
