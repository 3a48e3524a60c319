package cn.anxun.ledger.proof;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The hashes of RFC 6962/9162 §2.1.1: {@code SHA-256(0x00‖leaf)} and {@code SHA-256(0x01‖left‖right)}. */
public final class TreeHash {

    /** The root of the empty tree: the hash of nothing. */
    public static final byte[] EMPTY = sha256().digest();

    private TreeHash() {
    }

    public static byte[] leaf(byte[] entry) {
        MessageDigest digest = sha256();
        digest.update((byte) 0);
        return digest.digest(entry);
    }

    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update((byte) 1);
        digest.update(left);
        return digest.digest(right);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
