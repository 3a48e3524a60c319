package cn.anxun.archive.internal;

import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.feed.EntityFeed;
import cn.anxun.feed.FeedCertificate;
import cn.anxun.feed.FeedSource;
import cn.anxun.identity.Relation;

/** Certificates in the feed: those of the learners of the reader's region, revocations as changes. */
@Component(service = FeedSource.class)
public class CertificateFeed extends EntityFeed<CertificateRecord, FeedCertificate> {

    @Activate
    public CertificateFeed(@Reference(target = "(osgi.unit.name=anxun-archive)") JpaTemplate jpa) {
        super(jpa, "certificates", FeedCertificate.class, CertificateRecord.class, List.of("id"),
                reach -> reach.withinRegion().condition(Map.of(Relation.IN_REGION, "e.region")),
                CertificateRecord::feedItem);
    }
}
