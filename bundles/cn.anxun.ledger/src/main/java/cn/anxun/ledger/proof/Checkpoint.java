package cn.anxun.ledger.proof;

import java.util.Base64;

/**
 * A signed tree head in the C2SP checkpoint form: the note text {@code <origin>\n<size>\n<base64 root>\n}, a blank
 * line, and one line {@code — <key name> <base64(key id‖signature)>} per signature.
 *
 * @param note the whole signed note, text and signatures
 */
public record Checkpoint(String origin, long size, byte[] root, String note) {

    /** The note text a checkpoint signs. */
    public static String text(String origin, long size, byte[] root) {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
    }

    /** The note with one signature line added. */
    public static String signed(String text, VerifierKey key, byte[] signature) {
        return SignedNote.signed(text, key, signature);
    }

    /**
     * Reads a signed checkpoint and checks its signature by the key.
     *
     * @throws IllegalArgumentException if it is not a checkpoint, or no signature of that key verifies it
     */
    public static Checkpoint verified(String note, VerifierKey key) {
        String[] lines = SignedNote.verifiedText(note, key).split("\n");
        if (lines.length < 3) {
            throw new IllegalArgumentException("a checkpoint has an origin, a tree size and a root hash");
        }
        return new Checkpoint(lines[0], Long.parseLong(lines[1]), Base64.getDecoder().decode(lines[2]), note);
    }
}
