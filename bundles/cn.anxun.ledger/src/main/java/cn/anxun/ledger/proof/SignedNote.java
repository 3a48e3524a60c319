package cn.anxun.ledger.proof;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A C2SP signed note: its text, ending in a newline, a blank line, and one line
 * {@code — <key name> <base64(key id‖signature)>} per signature. Checkpoints are signed notes; so is the statement
 * that signs a handover package's manifest.
 *
 * @since 1.1
 */
public final class SignedNote {

    private static final String SIGNATURE_LINE = "\u2014 ";

    private SignedNote() {
    }

    /** The note with one signature line added. */
    public static String signed(String text, VerifierKey key, byte[] signature) {
        return text + "\n" + SIGNATURE_LINE + key.name() + " "
                + Base64.getEncoder().encodeToString(VerifierKey.concat(key.keyId(), signature)) + "\n";
    }

    /**
     * The note's text, once a signature by the key verifies it.
     *
     * @throws IllegalArgumentException if it is not a signed note, or no signature of that key verifies it
     */
    public static String verifiedText(String note, VerifierKey key) {
        int split = note.indexOf("\n\n");
        if (split < 0) {
            throw new IllegalArgumentException("a signed note has a blank line between its text and signatures");
        }
        String text = note.substring(0, split + 1);
        boolean signed = false;
        for (String line : note.substring(split + 2).split("\n")) {
            if (!line.startsWith(SIGNATURE_LINE)) {
                throw new IllegalArgumentException("a signature line starts with an em dash and a space");
            }
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
            throw new IllegalArgumentException("no signature by " + key.name() + " verifies the note");
        }
        return text;
    }
}
