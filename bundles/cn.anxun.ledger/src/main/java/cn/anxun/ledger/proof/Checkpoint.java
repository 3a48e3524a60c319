package cn.anxun.ledger.proof;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A signed tree head in the C2SP checkpoint form: the note text {@code <origin>\n<size>\n<base64 root>\n}, a blank
 * line, and one line {@code — <key name> <base64(key id‖signature)>} per signature.
 *
 * @param note the whole signed note, text and signatures
 */
public record Checkpoint(String origin, long size, byte[] root, String note) {

    private static final String SIGNATURE_LINE = "\u2014 ";

    /** The note text a checkpoint signs. */
    public static String text(String origin, long size, byte[] root) {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
    }

    /** The note with one signature line added. */
    public static String signed(String text, VerifierKey key, byte[] signature) {
        return text + "\n" + SIGNATURE_LINE + key.name() + " "
                + Base64.getEncoder().encodeToString(VerifierKey.concat(key.keyId(), signature)) + "\n";
    }

    /**
     * Reads a signed checkpoint and checks its signature by the key.
     *
     * @throws IllegalArgumentException if it is not a checkpoint, or no signature of that key verifies
     */
    public static Checkpoint verified(String note, VerifierKey key) {
        int split = note.indexOf("\n\n");
        if (split < 0) {
            throw new IllegalArgumentException("a signed note has a blank line between its text and signatures");
        }
        String text = note.substring(0, split + 1);
        String[] lines = text.split("\n");
        if (lines.length < 3) {
            throw new IllegalArgumentException("a checkpoint has an origin, a tree size and a root hash");
        }
        boolean signed = false;
        for (String line : signatureLines(note.substring(split + 2))) {
            String[] parts = line.substring(SIGNATURE_LINE.length()).split(" ");
            if (parts.length != 2 || !parts[0].equals(key.name())) {
                continue;
            }
            byte[] signature = Base64.getDecoder().decode(parts[1]);
            if (signature.length == 68 && Arrays.equals(Arrays.copyOf(signature, 4), key.keyId())) {
                signed |= key.verifies(text.getBytes(StandardCharsets.UTF_8),
                        Arrays.copyOfRange(signature, 4, signature.length));
            }
        }
        if (!signed) {
            throw new IllegalArgumentException("no signature by " + key.name() + " verifies the checkpoint");
        }
        return new Checkpoint(lines[0], Long.parseLong(lines[1]), Base64.getDecoder().decode(lines[2]), note);
    }

    private static List<String> signatureLines(String block) {
        List<String> lines = new ArrayList<>();
        for (String line : block.split("\n")) {
            if (!line.startsWith(SIGNATURE_LINE)) {
                throw new IllegalArgumentException("a signature line starts with an em dash and a space");
            }
            lines.add(line);
        }
        return lines;
    }
}
