package cn.anxun.ledger;

import java.util.List;

/**
 * That an entry is a leaf of the tree of {@code treeSize}: the RFC 9162 audit path, hashes in hex.
 *
 * @param leafHash {@code SHA-256(0x00‖leaf)} in hex
 */
public record InclusionProof(String entryId, long leafIndex, long treeSize, String leafHash, List<String> path) {
}
