package cn.anxun.ledger;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import cn.anxun.identity.Caller;

/**
 * The study-hour ledger. Entries are never changed: a correction is a new entry. Checkpoints are public, as are
 * consistency proofs and the verifier key; entries and their proofs are for the learner and those who may see them.
 */
@ProviderType
public interface Ledger {

    /** The learner's entries with their proofs against the latest checkpoint and their totals per class. */
    LedgerRecord record(Caller caller, String learnerId);

    /** The latest checkpoint; {@code null} before the first entry. */
    SignedCheckpoint latestCheckpoint();

    /**
     * Takes the entries recorded since the last checkpoint into the tree and signs a checkpoint; the operator's.
     *
     * @throws cn.anxun.identity.ConflictException while the ledger has no entry
     */
    SignedCheckpoint checkpointNow(Caller caller);

    InclusionProof inclusion(Caller caller, String entryId, long treeSize);

    ConsistencyProof consistency(long first, long second);

    /** The key that signs checkpoints, as a C2SP verifier key. */
    String verifierKey();

    /**
     * Signs a statement of the platform's with the checkpoint key, as a C2SP signed note that the verifier key checks:
     * a receiver who trusts the key for the hours trusts the statement too. The text's first line names what it is
     * and its second line is not a number, so that it never reads as a checkpoint.
     *
     * @throws IllegalArgumentException if the text could read as a checkpoint or does not end with a newline
     * @since 1.3
     */
    String signNote(String text);

    /**
     * A checkpoint that holds every entry recorded before the call, signed now if the latest does not; {@code null}
     * while the ledger is empty.
     *
     * @since 1.3
     */
    SignedCheckpoint checkpointHoldingAll();

    /**
     * The learner's record with its proofs against that checkpoint, which the standalone verifier checks with it:
     * entries recorded after it carry no proof. For whoever may read the learner's ledger.
     *
     * @since 1.3
     */
    LedgerRecord record(Caller caller, String learnerId, SignedCheckpoint checkpoint);

    /**
     * Compensates an entry with a new one of {@code seconds} (negative to take time off), by the operator with a
     * reason; audited.
     */
    LedgerEntry correct(Caller caller, String entryId, long seconds, String reason);

    /** The progress of each learner of a class, for those who may read the class. */
    List<Progress> progress(Caller caller, String classId);

    /**
     * The calling learner's own progress in a class they are enrolled in.
     *
     * @since 1.1
     */
    Progress ownProgress(Caller learner, String classId);

    /**
     * A learner's progress in a class with a checkpoint that holds every entry behind it, signed at once if the
     * latest does not; for those who may read the learner's ledger (audited).
     *
     * @since 1.2
     */
    ProvenProgress provenProgress(Caller caller, String learnerId, String classId);

    /** Re-verifies every entry and checkpoint now. */
    SelfCheck selfCheck();

    /** The last self-check; {@code null} before the first. */
    SelfCheck lastSelfCheck();
}
