package cn.anxun.archive.internal;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import cn.anxun.api.archive.ArchiveContributor;

/** The archive contributors installed now, in the order people read their sections. */
@Component(service = Contributors.class)
public class Contributors {

    /** The kinds the core contributes, in reading order; other kinds follow, by name. */
    static final List<String> CORE = List.of("classes", "ledger", "face-checks", "tests", "certificates", "reads");

    private final List<ArchiveContributor> installed = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addContributor(ArchiveContributor contributor) {
        installed.add(contributor);
    }

    void removeContributor(ArchiveContributor contributor) {
        installed.remove(contributor);
    }

    List<ArchiveContributor> inReadingOrder() {
        return installed.stream().sorted(Comparator.comparing((ArchiveContributor contributor) -> rank(contributor
                .kind())).thenComparing(ArchiveContributor::kind)).toList();
    }

    /** The core kinds not installed now: while one is missing, no archive is complete enough to expire. */
    List<String> missingCore() {
        List<String> present = installed.stream().map(ArchiveContributor::kind).toList();
        return CORE.stream().filter(kind -> !present.contains(kind)).toList();
    }

    private static int rank(String kind) {
        int rank = CORE.indexOf(kind);
        return rank < 0 ? CORE.size() : rank;
    }
}
