package cn.anxun.ledger;

import java.util.List;

/** That the tree of {@code second} leaves extends the one of {@code first}: the RFC 9162 proof, hashes in hex. */
public record ConsistencyProof(long first, long second, List<String> proof) {
}
