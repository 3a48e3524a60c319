package cn.anxun.classes.internal;

import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.feed.EntityFeed;
import cn.anxun.feed.FeedEnrolment;
import cn.anxun.feed.FeedSource;
import cn.anxun.identity.Relation;

/**
 * Enrolments in the feed with the ledger's totals, the test and the certificate: those of the learners of the
 * reader's region; a county's reader gets its county's learners only, even in a class of its city.
 */
@Component(service = FeedSource.class)
public class EnrolmentFeed extends EntityFeed<EnrolmentRecord, FeedEnrolment> {

    @Activate
    public EnrolmentFeed(@Reference(target = "(osgi.unit.name=anxun-classes)") JpaTemplate jpa) {
        super(jpa, "enrolments", FeedEnrolment.class, EnrolmentRecord.class, List.of("classId", "learnerId"),
                reach -> reach.withinRegion().condition(Map.of(Relation.IN_REGION, "e.region")),
                EnrolmentRecord::feedItem);
    }
}
