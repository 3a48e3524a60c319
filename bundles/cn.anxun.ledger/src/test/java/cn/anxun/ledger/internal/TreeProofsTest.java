package cn.anxun.ledger.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import cn.anxun.ledger.proof.Proofs;
import cn.anxun.ledger.proof.TreeHash;

public class TreeProofsTest {

    /** The leaves of the RFC 6962 reference tests, and the roots of their first 1 … 8 leaves. */
    private static final String[] LEAVES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
        "606162636465666768696a6b6c6d6e6f"};
    private static final String[] ROOTS = {
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    @Test
    public void rootsAreThoseOfTheReferenceTests() {
        Tree tree = new Tree();
        for (int i = 0; i < LEAVES.length; i++) {
            tree.append(TreeHash.leaf(HexFormat.of().parseHex(LEAVES[i])));
            assertEquals("root of " + (i + 1), ROOTS[i], HexFormat.of().formatHex(tree.proofs.root(i + 1)));
        }
        assertArrayEquals(TreeHash.EMPTY, tree.proofs.root(0));
    }

    @Test
    public void everyInclusionAndConsistencyProofVerifiesAndNoOtherDoes() {
        Tree tree = new Tree();
        List<byte[]> roots = new ArrayList<>(List.of(TreeHash.EMPTY));
        for (int i = 0; i < 40; i++) {
            tree.append(TreeHash.leaf(new byte[] {(byte) i}));
            roots.add(tree.proofs.root(i + 1));
            assertArrayEquals(naiveRoot(tree.leaves, 0, i + 1), roots.get(i + 1));
        }
        for (int size = 1; size <= 40; size++) {
            for (int index = 0; index < size; index++) {
                List<byte[]> path = tree.proofs.inclusion(index, size);
                assertTrue(index + "/" + size, Proofs.included(index, size, tree.leaves.get(index), path,
                        roots.get(size)));
                assertFalse(Proofs.included(index, size, tree.leaves.get((index + 1) % 40), path, roots.get(size)));
            }
            for (int first = 0; first <= size; first++) {
                List<byte[]> proof = tree.proofs.consistency(first, size);
                assertTrue(first + "→" + size, Proofs.consistent(first, size, roots.get(first), roots.get(size),
                        proof));
                if (first > 0 && first < size) {
                    assertFalse(Proofs.consistent(first, size, roots.get(first - 1), roots.get(size), proof));
                }
            }
        }
    }

    private static byte[] naiveRoot(List<byte[]> leaves, int start, int end) {
        if (end - start == 1) {
            return leaves.get(start);
        }
        int k = (int) TreeProofs.splitOf(end - start);
        return TreeHash.node(naiveRoot(leaves, start, start + k), naiveRoot(leaves, start + k, end));
    }

    /** Leaves and complete subtrees in memory, appended as the ledger appends them. */
    private static final class Tree {
        final List<byte[]> leaves = new ArrayList<>();
        final Map<String, byte[]> nodes = new HashMap<>();
        final TreeProofs proofs = new TreeProofs((level, index) -> level == 0 ? leaves.get((int) index)
                : nodes.get(level + "/" + index));

        void append(byte[] leaf) {
            leaves.add(leaf);
            proofs.completed(leaves.size() - 1, leaf).forEach(node -> nodes.put(node.level() + "/" + node.index(),
                    node.hash()));
        }
    }
}
