package cn.anxun.feed;

import java.util.List;
import java.util.function.Function;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.annotation.versioning.ConsumerType;

import cn.anxun.identity.Reach;

/**
 * A source whose records are the rows of one entity numbered by a {@link FeedSequence}: a bundle's source is a
 * component that extends it and names its kind, entity and reach.
 *
 * @param <E> the entity
 * @param <T> the feed's record of a row
 */
@ConsumerType
public abstract class EntityFeed<E extends FedRecord, T> implements FeedSource {

    private final JpaTemplate jpa;
    private final String kind;
    private final Class<T> itemType;
    private final FeedSequence<E> sequence;
    private final Function<Reach, Reach.Condition> reached;
    private final Function<E, T> item;

    /**
     * @param keys the attributes of the entity's id
     * @param reached the condition on the entity, called {@code e}, that selects the rows in a reader's reach
     * @param item the feed's record of a row
     */
    protected EntityFeed(JpaTemplate jpa, String kind, Class<T> itemType, Class<E> entity, List<String> keys,
            Function<Reach, Reach.Condition> reached, Function<E, T> item) {
        this.jpa = jpa;
        this.kind = kind;
        this.itemType = itemType;
        this.sequence = new FeedSequence<>(entity, keys);
        this.reached = reached;
        this.item = item;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public Class<?> itemType() {
        return itemType;
    }

    @Override
    public FeedPage<T> read(Reach reach, long after, int limit) {
        return sequence.read(jpa, reached.apply(reach), after, limit, item);
    }
}
