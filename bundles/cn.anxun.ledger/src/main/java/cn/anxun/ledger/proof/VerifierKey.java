package cn.anxun.ledger.proof;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An Ed25519 key that signs notes, in the C2SP signed-note form {@code <name>+<key id>+<base64(0x01‖key)>}; the key id
 * is the first four bytes of {@code SHA-256(name‖0x0A‖0x01‖key)}.
 */
public record VerifierKey(String name, byte[] keyId, byte[] publicKey) {

    private static final byte ED25519 = 1;
    /** The DER prefix of an X.509 Ed25519 public key, before its 32 bytes. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    public VerifierKey {
        if (name.isEmpty() || name.chars().anyMatch(c -> c <= ' ' || c == '+')) {
            throw new IllegalArgumentException("a key name has no spaces and no '+'");
        }
        if (publicKey.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
        }
    }

    /** The key of that name for the 32 bytes of an Ed25519 public key. */
    public static VerifierKey of(String name, byte[] publicKey) {
        return new VerifierKey(name, id(name, publicKey), publicKey.clone());
    }

    /** The key of a JCA Ed25519 public key. */
    public static VerifierKey of(String name, PublicKey key) {
        byte[] encoded = key.getEncoded();
        return of(name, Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
    }

    /** Reads {@code <name>+<key id>+<base64(0x01‖key)>}. */
    public static VerifierKey parse(String text) {
        String[] parts = text.strip().split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a verifier key reads <name>+<key id>+<base64 key>");
        }
        byte[] typed = Base64.getDecoder().decode(parts[2]);
        if (typed.length != 33 || typed[0] != ED25519) {
            throw new IllegalArgumentException("not an Ed25519 verifier key");
        }
        VerifierKey key = of(parts[0], Arrays.copyOfRange(typed, 1, typed.length));
        if (!Arrays.equals(key.keyId, HexFormat.of().parseHex(parts[1]))) {
            throw new IllegalArgumentException("the key id does not match the name and the key");
        }
        return key;
    }

    /** Whether the signature was made over the text by this key. */
    public boolean verifies(byte[] text, byte[] signature) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                    concat(X509_PREFIX, publicKey)));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(text);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        byte[] typed = concat(new byte[] {ED25519}, publicKey);
        return name + "+" + HexFormat.of().formatHex(keyId) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    private static byte[] id(String name, byte[] publicKey) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update(new byte[] {'\n', ED25519});
            return Arrays.copyOf(digest.digest(publicKey), 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
