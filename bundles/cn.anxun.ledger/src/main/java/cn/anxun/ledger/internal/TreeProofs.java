package cn.anxun.ledger.internal;

import java.util.ArrayList;
import java.util.List;

import cn.anxun.ledger.proof.TreeHash;

/**
 * Roots and proofs of RFC 9162 §2.1 over the stored complete subtrees: a range of the tree whose size is a power of
 * two and whose start is a multiple of it is one stored node, so any root or proof takes O(log² n) reads.
 */
final class TreeProofs {

    /** The hash of the complete subtree of {@code 2^level} leaves at {@code index} on its level. */
    interface Nodes {
        byte[] node(int level, long index);
    }

    private final Nodes nodes;

    TreeProofs(Nodes nodes) {
        this.nodes = nodes;
    }

    byte[] root(long size) {
        return size == 0 ? TreeHash.EMPTY : hash(0, size);
    }

    /** PATH(index, D[0:size]). */
    List<byte[]> inclusion(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> path = new ArrayList<>();
        path(index, 0, size, path);
        return path;
    }

    /** PROOF(first, D[0:second]). */
    List<byte[]> consistency(long first, long second) {
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("a tree of " + first + " cannot precede one of " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        if (first > 0 && first < second) {
            subproof(first, 0, second, true, proof);
        }
        return proof;
    }

    private void path(long index, long start, long end, List<byte[]> path) {
        long size = end - start;
        if (size == 1) {
            return;
        }
        long k = splitOf(size);
        if (index < k) {
            path(index, start, start + k, path);
            path.add(hash(start + k, end));
        } else {
            path(index - k, start + k, end, path);
            path.add(hash(start, start + k));
        }
    }

    private void subproof(long m, long start, long end, boolean whole, List<byte[]> proof) {
        long size = end - start;
        if (m == size) {
            if (!whole) {
                proof.add(hash(start, end));
            }
            return;
        }
        long k = splitOf(size);
        if (m <= k) {
            subproof(m, start, start + k, whole, proof);
            proof.add(hash(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, proof);
            proof.add(hash(start, start + k));
        }
    }

    /** MTH(D[start:end]). */
    private byte[] hash(long start, long end) {
        long size = end - start;
        if (Long.bitCount(size) == 1 && start % size == 0) {
            int level = Long.numberOfTrailingZeros(size);
            return nodes.node(level, start >> level);
        }
        long k = splitOf(size);
        return TreeHash.node(hash(start, start + k), hash(start + k, end));
    }

    /** The largest power of two smaller than {@code size}. */
    static long splitOf(long size) {
        return Long.highestOneBit(size - 1);
    }

    /** A stored complete subtree. */
    record Node(int level, long index, byte[] hash) {
    }

    /** The complete subtrees, from level 1 up, that the leaf appended at {@code index} completes. */
    List<Node> completed(long index, byte[] leafHash) {
        List<Node> made = new ArrayList<>();
        byte[] right = leafHash;
        long position = index;
        for (int level = 1; (position & 1) == 1; level++) {
            right = TreeHash.node(nodes.node(level - 1, position - 1), right);
            position >>= 1;
            made.add(new Node(level, position, right));
        }
        return made;
    }
}
