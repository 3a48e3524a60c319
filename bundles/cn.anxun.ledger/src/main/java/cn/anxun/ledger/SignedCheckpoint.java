package cn.anxun.ledger;

import java.time.Instant;

/**
 * A checkpoint of the tree.
 *
 * @param rootHash the root, in hex
 * @param note the C2SP signed note: origin, size and base64 root, a blank line, the signature
 */
public record SignedCheckpoint(long treeSize, String rootHash, Instant signedAt, String note) {
}
