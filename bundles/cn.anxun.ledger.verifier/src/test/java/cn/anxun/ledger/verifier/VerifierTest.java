package cn.anxun.ledger.verifier;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.anxun.ledger.proof.Checkpoint;
import cn.anxun.ledger.proof.Entry;
import cn.anxun.ledger.proof.TreeHash;
import cn.anxun.ledger.proof.VerifierKey;

public class VerifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final List<Entry> entries = List.of(entry("e1", 1800), entry("e2", 900));
    private ObjectNode record;
    private Path checkpoint;
    private Path key;

    @Before
    public void aRecordOfTwoEntriesAndItsSignedCheckpoint() throws Exception {
        byte[] left = entries.get(0).leafHash();
        byte[] right = entries.get(1).leafHash();
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        VerifierKey verifierKey = VerifierKey.of("anxun.test/ledger", pair.getPublic());
        String text = Checkpoint.text("anxun.test/ledger", 2, TreeHash.node(left, right));
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(text.getBytes(StandardCharsets.UTF_8));
        checkpoint = Files.writeString(folder.newFile().toPath(), Checkpoint.signed(text, verifierKey, signer.sign()));
        key = Files.writeString(folder.newFile().toPath(), verifierKey + "\n");
        record = JSON.createObjectNode();
        ArrayNode served = record.putArray("entries");
        ArrayNode proofs = record.putArray("proofs");
        for (int i = 0; i < 2; i++) {
            served.addObject().put("leaf", new String(entries.get(i).bytes(), StandardCharsets.UTF_8));
            ObjectNode proof = proofs.addObject().put("leafIndex", i).put("treeSize", 2);
            proof.putArray("path").add(HexFormat.of().formatHex(i == 0 ? right : left));
        }
        record.putArray("totals").addObject().put("classId", "c1").put("creditedSeconds", 2700).put("hours", "1.0");
    }

    @Test
    public void aRecordAsExportedVerifies() throws Exception {
        Run run = verify();
        assertEquals(run.output, 0, run.status);
        assertTrue(run.output, run.output.contains("2 entries, 0 failures"));
    }

    @Test
    public void anEntryChangedAfterItWasRecordedIsNamed() throws Exception {
        ObjectNode changed = (ObjectNode) record.get("entries").get(1);
        changed.put("leaf", changed.get("leaf").asText().replace("credited=900", "credited=1900"));
        ((ObjectNode) record.get("totals").get(0)).put("creditedSeconds", 3700).put("hours", "1.3");
        Run run = verify();
        assertEquals(run.output, 1, run.status);
        assertTrue(run.output, run.output.contains("FAILED entry e2 (leaf 1) is not in the signed tree"));
    }

    @Test
    public void totalsThatTheEntriesDoNotAddUpToAreNamed() throws Exception {
        ((ObjectNode) record.get("totals").get(0)).put("creditedSeconds", 5400).put("hours", "2.0");
        Run run = verify();
        assertEquals(run.output, 1, run.status);
        assertTrue(run.output, run.output.contains("FAILED class c1: the record says 5400 s"));
    }

    @Test
    public void aCheckpointSignedByAnotherKeyIsRefused() throws Exception {
        Files.writeString(key, VerifierKey.of("anxun.test/ledger", KeyPairGenerator.getInstance("Ed25519")
                .generateKeyPair().getPublic()).toString());
        assertEquals(2, verify().status);
    }

    private record Run(int status, String output) {
    }

    private Run verify() throws Exception {
        Path file = folder.newFile().toPath();
        JSON.writeValue(file.toFile(), record);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Verifier.run(new String[] {file.toString(), checkpoint.toString(), key.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8));
    }

    private static Entry entry(String id, long seconds) {
        return new Entry(id, Entry.Kind.SEGMENT, "l1", "c1", "course1", 1, 0L, seconds * 1000,
                Instant.ofEpochSecond(1_000_000), Instant.ofEpochSecond(1_000_000 + seconds), seconds, "f1", "f2",
                "s1", null, null, Instant.ofEpochSecond(1_000_000 + seconds), "system");
    }
}
