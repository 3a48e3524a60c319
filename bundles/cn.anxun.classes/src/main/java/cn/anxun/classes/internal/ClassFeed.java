package cn.anxun.classes.internal;

import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.feed.EntityFeed;
import cn.anxun.feed.FeedClass;
import cn.anxun.feed.FeedSource;
import cn.anxun.identity.Relation;

/** Classes in the feed: those held in the reader's city, or in its county's city. */
@Component(service = FeedSource.class)
public class ClassFeed extends EntityFeed<ClassRecord, FeedClass> {

    @Activate
    public ClassFeed(@Reference(target = "(osgi.unit.name=anxun-classes)") JpaTemplate jpa) {
        super(jpa, "classes", FeedClass.class, ClassRecord.class, List.of("id"),
                reach -> reach.condition(Map.of(Relation.IN_REGION_OR_ITS_CITY, "e.city")), ClassRecord::feedItem);
    }
}
