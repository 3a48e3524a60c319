package cn.anxun.institutions.internal;

import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.feed.EntityFeed;
import cn.anxun.feed.FeedRegistration;
import cn.anxun.feed.FeedSource;
import cn.anxun.identity.Relation;

/** Institutions in the feed, as their registrations: those of the reader's city, or of its county's city. */
@Component(service = FeedSource.class)
public class RegistrationFeed extends EntityFeed<RegistrationRecord, FeedRegistration> {

    @Activate
    public RegistrationFeed(@Reference(target = "(osgi.unit.name=anxun-institutions)") JpaTemplate jpa) {
        super(jpa, "registrations", FeedRegistration.class, RegistrationRecord.class, List.of("id"),
                reach -> reach.condition(Map.of(Relation.IN_REGION_OR_ITS_CITY, "e.city")),
                RegistrationRecord::feedItem);
    }
}
