package cn.anxun.ledger;

import java.util.List;

/**
 * A learner's whole ledger, to hand to anyone who verifies it alone: each entry with its inclusion proof against
 * the checkpoint, and the totals the entries add up to.
 *
 * @param checkpoint the latest checkpoint; entries recorded after it carry no proof yet
 * @param proofs the inclusion proof of each entry in the checkpoint, in the order of {@code entries}; {@code null}
 *        for one recorded after it
 */
public record LedgerRecord(String learnerId, List<LedgerEntry> entries, List<InclusionProof> proofs,
        List<Total> totals, SignedCheckpoint checkpoint) {

    /**
     * What a learner earned in one class.
     *
     * @param hours 学时: credited seconds in 45-minute hours, to one decimal, rounded down
     */
    public record Total(String classId, long creditedSeconds, String hours) {
    }
}
