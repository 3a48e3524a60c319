package cn.anxun.feed;

import javax.persistence.Column;
import javax.persistence.MappedSuperclass;
import javax.persistence.PrePersist;
import javax.persistence.PreUpdate;

/**
 * An entity whose rows the feed carries: its table has the columns {@code FEEDSEQ} and {@code FEEDMARK} of
 * {@link FeedSequence}, and every write of a row through the entity marks it changed. A write outside the entity
 * (an SQL {@code UPDATE}) sets {@code FEEDMARK} to {@link FeedSequence#changed} itself.
 */
@MappedSuperclass
public abstract class FedRecord {

    /** The feed's number of the row's last numbered change. */
    @Column(name = "FEEDSEQ")
    private Long feedSequence;

    /** A change that waits for the feed's number, else {@code null}. */
    @Column(name = "FEEDMARK")
    private Long feedMark;

    @PrePersist
    @PreUpdate
    void changed() {
        feedMark = FeedSequence.changed(feedMark);
    }
}
