package cn.anxun.feed;

import java.time.Instant;

/**
 * A signed checkpoint of the study-hour ledger, an item of the feed's {@code checkpoints}: the size and root
 * hash of the ledger's Merkle tree (RFC 9162) at a moment, signed with the platform's key, so that a reader can
 * later prove that the hours it was given are still in the ledger unchanged.
 *
 * @param note the signed note (C2SP signed-note format) that a verifier checks with the platform's public key
 */
public record FeedCheckpoint(long treeSize, String rootHash, Instant signedAt, String note) {
}
