package cn.anxun.ledger;

/**
 * A learner's progress in a class, and the checkpoint whose tree holds every entry it adds up: with the learner's
 * ledger record, anyone can check the hours against the signed root.
 */
public record ProvenProgress(Progress progress, SignedCheckpoint checkpoint) {
}
