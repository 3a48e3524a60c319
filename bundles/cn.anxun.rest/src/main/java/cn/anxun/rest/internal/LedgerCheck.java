package cn.anxun.rest.internal;

import java.util.List;
import java.util.function.Supplier;

import cn.anxun.ledger.Ledger;
import cn.anxun.ledger.SelfCheck;
import cn.anxun.rest.internal.HealthResource.Check;
import cn.anxun.rest.internal.HealthResource.Status;

/** The ledger's last self-check found every entry and checkpoint as signed. */
final class LedgerCheck implements ReadinessCheck {

    private final Supplier<Ledger> ledger;

    LedgerCheck(Supplier<Ledger> ledger) {
        this.ledger = ledger;
    }

    @Override
    public List<Check> run() {
        Ledger current = ledger.get();
        SelfCheck last = current == null ? null : current.lastSelfCheck();
        if (last == null || last.passed()) {
            return List.of(new Check("ledger", Status.UP, last == null ? "not self-checked yet"
                    : last.entries() + " entries verified at " + last.at()));
        }
        return List.of(new Check("ledger", Status.DOWN, "the self-check at " + last.at() + " found "
                + last.mismatches().size() + " mismatches: " + String.join("; ", last.mismatches())));
    }
}
