package cn.anxun.ledger.proof;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;

import org.junit.Test;

public class CheckpointTest {

    @Test
    public void aSignedCheckpointVerifiesWithItsKeyAndNotWhenChangedOrWithAnother() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        VerifierKey key = VerifierKey.of("anxun.test/ledger", pair.getPublic());
        byte[] root = TreeHash.leaf(new byte[] {1});
        String text = Checkpoint.text("anxun.test/ledger", 7, root);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(text.getBytes(StandardCharsets.UTF_8));
        String note = Checkpoint.signed(text, key, signer.sign());

        Checkpoint read = Checkpoint.verified(note, VerifierKey.parse(key.toString()));
        assertEquals(7, read.size());
        assertArrayEquals(root, read.root());
        assertEquals("anxun.test/ledger", read.origin());
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.verified(note.replace("\n7\n", "\n8\n"), key));
        VerifierKey other = VerifierKey.of("anxun.test/ledger",
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic());
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.verified(note, other));
        assertThrows(IllegalArgumentException.class, () -> VerifierKey.parse(key.toString().replaceFirst(
                "\\+[0-9a-f]{8}\\+", "+00000000+")));
    }

    @Test
    public void anEntryReadsBackFromItsBytesAndNothingElseDoes() {
        Entry entry = new Entry("e1", Entry.Kind.SEGMENT, "l1", "c1", "course1", 2, 1000L, 31000L,
                Instant.ofEpochMilli(5000), Instant.ofEpochMilli(35000), 30, "f1", "f2", "s1", null, null,
                Instant.ofEpochMilli(36000), "system");
        assertEquals(entry, Entry.parse(entry.bytes()));
        String text = new String(entry.bytes(), StandardCharsets.UTF_8);
        assertThrows(IllegalArgumentException.class, () -> Entry.parse(text.replace("credited=30", "credited=030")
                .getBytes(StandardCharsets.UTF_8)));
        assertThrows(IllegalArgumentException.class, () -> new Entry("e1", Entry.Kind.CORRECTION, "l1", "c1",
                "course1", 2, null, null, null, null, -30, null, null, null, "e0", "two\nlines", null, "op"));
    }
}
