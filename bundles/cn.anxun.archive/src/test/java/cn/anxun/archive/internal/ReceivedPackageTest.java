package cn.anxun.archive.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.Violation;
import cn.anxun.ledger.proof.SignedNote;
import cn.anxun.ledger.proof.VerifierKey;

public class ReceivedPackageTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final KeyPair pair = ed25519();
    private final VerifierKey key = VerifierKey.of("anxun.test/ledger", pair.getPublic());

    @Test
    public void aPackageAsSignedVerifiesAndSaysWhatItsStatementSays() throws Exception {
        try (ReceivedPackage received = new ReceivedPackage(write(bag(), Map.of()))) {
            received.verify(key);
            assertEquals("inst-1", received.stated("institution"));
            assertEquals("{}", received.text("data/index.json"));
        }
    }

    @Test
    public void oneByteChangedIsNamedByItsFile() throws Exception {
        assertRefused(Map.of("data/learners/l-1/ledger.json", "{\"entries\":[2]}"), "data/learners/l-1/ledger.json",
                "checksum");
    }

    @Test
    public void aFileTheManifestDoesNotListIsNamed() throws Exception {
        assertRefused(Map.of("data/extra.json", "{}"), "data/extra.json", "unlisted");
    }

    @Test
    public void aManifestChangedToMatchIsNotTheOneSigned() throws Exception {
        byte[] changed = "{\"entries\":[2]}".getBytes(StandardCharsets.UTF_8);
        String manifest = "0".repeat(64) + "  data/index.json\n" + BagWriter.sha256(changed)
                + "  data/learners/l-1/ledger.json\n";
        assertRefused(Map.of("manifest-sha256.txt", manifest), "manifest-sha256.txt", "checksum");
    }

    @Test
    public void anotherKeyDidNotSignIt() throws Exception {
        try (ReceivedPackage received = new ReceivedPackage(write(bag(), Map.of()))) {
            InvalidInputException refused = assertThrows(InvalidInputException.class, () -> received.verify(
                    VerifierKey.of("anxun.test/ledger", ed25519().getPublic())));
            assertEquals(BagWriter.SIGNATURE, refused.violations().get(0).field());
        }
    }

    private void assertRefused(Map<String, String> changes, String file, String rule) throws Exception {
        try (ReceivedPackage received = new ReceivedPackage(write(bag(), changes))) {
            List<Violation> violations = assertThrows(InvalidInputException.class, () -> received.verify(key))
                    .violations();
            assertEquals(violations.toString(), file, violations.get(0).field());
            assertEquals(violations.toString(), rule, violations.get(0).rule());
        }
    }

    /** A bag of two payload files, its manifest signed by the test's key. */
    private byte[] bag() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        BagWriter bag = new BagWriter(zip, "anxun-handover-inst-1");
        bag.payload("index.json", "{}".getBytes(StandardCharsets.UTF_8));
        bag.payload("learners/l-1/ledger.json", "{\"entries\":[1]}".getBytes(StandardCharsets.UTF_8));
        bag.finish(Map.of("Source-Organization", "安训"), manifest -> {
            String text = "anxun handover package\nmanifest-sha256 " + BagWriter.sha256(manifest)
                    + "\ninstitution inst-1\n";
            return SignedNote.signed(text, key, sign(text));
        });
        return zip.toByteArray();
    }

    /** The zip with some files of the bag replaced or added. */
    private Path write(byte[] zip, Map<String, String> changes) throws Exception {
        Path file = folder.newFile().toPath();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                OutputStream bytes = Files.newOutputStream(file); ZipOutputStream out = new ZipOutputStream(bytes)) {
            Map<String, String> left = new HashMap<>(changes);
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = entry.getName().substring(entry.getName().indexOf('/') + 1);
                out.putNextEntry(new ZipEntry(entry.getName()));
                String replaced = left.remove(name);
                out.write(replaced == null ? in.readAllBytes() : replaced.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            for (Map.Entry<String, String> added : left.entrySet()) {
                out.putNextEntry(new ZipEntry("anxun-handover-inst-1/" + added.getKey()));
                out.write(added.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return file;
    }

    private byte[] sign(String text) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(pair.getPrivate());
            signer.update(text.getBytes(StandardCharsets.UTF_8));
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
