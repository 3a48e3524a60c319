package cn.anxun.identity.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class KeysTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final byte[] id = "440524188001010014".getBytes(StandardCharsets.US_ASCII);

    @Test
    public void generatesOwnerOnlyKeysAtFirstStartAndKeepsThem() throws Exception {
        Path keys = folder.getRoot().toPath().resolve("keys");
        byte[] sealed = made(keys).seal(id, "id-number:a");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)));
        for (String file : new String[] {"personal-data-1.key", "lookup-1.key", "token-1.key"}) {
            assertEquals(file, "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(file))));
        }
        assertArrayEquals("a second start reads the same keys", id, made(keys).open(sealed, "id-number:a"));
    }

    @Test
    public void sealedDataIsBoundToItsContextAndTamperEvident() {
        Keys keys = made(folder.getRoot().toPath());
        byte[] sealed = keys.seal(id, "id-number:a");
        assertNotEquals("a fresh IV each time", Base64.getEncoder().encodeToString(sealed),
                Base64.getEncoder().encodeToString(keys.seal(id, "id-number:a")));
        assertThrows(IllegalStateException.class, () -> keys.open(sealed, "id-number:b"));
        sealed[sealed.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> keys.open(sealed, "id-number:a"));
    }

    @Test
    public void aNewKeyFileRotatesWritesWhileOldDataStaysReadable() throws Exception {
        Path root = folder.getRoot().toPath();
        byte[] old = made(root).seal(id, "c");
        byte[] key = new byte[32];
        key[0] = 7;
        Files.writeString(root.resolve("personal-data-2.key"), Base64.getEncoder().encodeToString(key));
        Keys rotated = made(root);
        byte[] fresh = rotated.seal(id, "c");
        assertEquals("the key id travels with the ciphertext", 2, ((fresh[1] & 0xff) << 8) | (fresh[2] & 0xff));
        assertArrayEquals(id, rotated.open(old, "c"));
        assertArrayEquals(id, rotated.open(fresh, "c"));
        assertEquals("the file was made owner-only", "rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("personal-data-2.key"))));
    }

    @Test
    public void aNodeReadsWhatAnotherSealedWithAKeyAddedAfterItStarted() throws Exception {
        Path shared = folder.getRoot().toPath();
        Keys running = made(shared);
        byte[] key = new byte[32];
        key[0] = 9;
        Files.writeString(shared.resolve("personal-data-2.key"), Base64.getEncoder().encodeToString(key));
        byte[] sealed = made(shared).seal(id, "c");
        assertArrayEquals(id, running.open(sealed, "c"));
    }

    @Test
    public void aNodeThatMakesNoKeyDoesNotStartWithoutTheProvisionedOnes() {
        Path empty = folder.getRoot().toPath().resolve("empty");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new Keys(empty, missing -> {
            throw new IllegalStateException("not provisioned: " + missing);
        }));
        assertTrue(refused.getMessage(), refused.getMessage().contains("personal-data-1.key"));
        assertFalse("nothing was made", Files.exists(empty.resolve("personal-data-1.key")));
    }

    @Test
    public void aSecondLookupKeyIsRefusedRatherThanBreakingEveryLookup() throws Exception {
        Path root = folder.getRoot().toPath();
        made(root);
        Files.writeString(root.resolve("lookup-2.key"), Base64.getEncoder().encodeToString(new byte[32]));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> made(root));
        assertTrue(refused.getMessage(), refused.getMessage().contains("lookup-1.key"));
    }

    @Test
    public void theLookupHashIsKeyedAndStable() {
        Keys keys = made(folder.getRoot().toPath().resolve("a"));
        assertEquals(keys.lookupHash("x"), keys.lookupHash("x"));
        assertEquals(64, keys.lookupHash("x").length());
        assertNotEquals("another key, another hash", keys.lookupHash("x"),
                made(folder.getRoot().toPath().resolve("b")).lookupHash("x"));
    }

    /** Keys of a node that makes the missing ones, as a platform of one node does. */
    static Keys made(Path folder) {
        return new Keys(folder, key -> { });
    }
}
