package cn.anxun.ledger;

import cn.anxun.ledger.proof.Entry;

/**
 * An entry and its place in the tree.
 *
 * @param treeIndex the leaf it is, from 0; {@code null} until the next checkpoint takes it into the tree
 * @param leaf the entry's bytes, whose leaf hash the tree holds
 */
public record LedgerEntry(Long treeIndex, Entry entry, String leaf) {
}
