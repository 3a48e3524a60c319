package cn.anxun.ledger;

import java.time.Instant;
import java.util.List;

/**
 * The last re-verification of the whole tree.
 *
 * @param entries how many entries were read
 * @param mismatches the entries whose stored leaf hash no longer matches their fields, and the checkpoints whose
 *        signed root the stored leaves no longer give; empty when all is well
 */
public record SelfCheck(Instant at, long entries, List<String> mismatches) {

    public boolean passed() {
        return mismatches.isEmpty();
    }
}
