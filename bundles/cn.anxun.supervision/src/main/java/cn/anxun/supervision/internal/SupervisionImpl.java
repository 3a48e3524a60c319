package cn.anxun.supervision.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.classes.Breakdown;
import cn.anxun.classes.Classes;
import cn.anxun.classes.EnrolmentTotals;
import cn.anxun.identity.Caller;
import cn.anxun.identity.Regions;
import cn.anxun.ledger.StudySessions;
import cn.anxun.supervision.Overview;
import cn.anxun.supervision.OverviewRow;
import cn.anxun.supervision.Supervision;

/** The overview from the enrolments' kept figures and the study sessions beating now; both apply the policy. */
@Component(service = Supervision.class)
public class SupervisionImpl implements Supervision {

    private final Classes classes;
    private final StudySessions sessions;
    private final Clock clock;

    @Activate
    public SupervisionImpl(@Reference Classes classes, @Reference StudySessions sessions, @Reference Clock clock) {
        this.classes = classes;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public Overview overview(Caller caller, String region, Breakdown by) {
        String of = region != null ? region
                : Regions.isCode(caller.regionCode()) ? caller.regionCode() : Regions.PROVINCE;
        List<EnrolmentTotals> parts = classes.totals(caller, of, by);
        Map<String, Long> studying = sessions.studying(caller, of, by);
        List<OverviewRow> rows = parts.stream().map(part -> OverviewRow.of(part, studying.getOrDefault(part.key(),
                0L))).toList();
        return new Overview(of, by, clock.instant(), OverviewRow.of(sum(of, parts),
                studying.values().stream().mapToLong(Long::longValue).sum()), rows);
    }

    private static EnrolmentTotals sum(String key, List<EnrolmentTotals> parts) {
        return new EnrolmentTotals(key, total(parts, EnrolmentTotals::enrolled), total(parts,
                EnrolmentTotals::completed), total(parts, EnrolmentTotals::tested), total(parts,
                EnrolmentTotals::passed), total(parts, EnrolmentTotals::certified), total(parts,
                EnrolmentTotals::creditedThisWeek), total(parts, EnrolmentTotals::creditedThisMonth));
    }

    private static long total(List<EnrolmentTotals> parts, ToLongFunction<EnrolmentTotals> of) {
        return parts.stream().mapToLong(of).sum();
    }
}
