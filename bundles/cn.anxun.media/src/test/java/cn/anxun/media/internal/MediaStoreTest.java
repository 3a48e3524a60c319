package cn.anxun.media.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import cn.anxun.media.internal.MediaStore.ChunkRefused.Reason;

public class MediaStoreTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private MediaStore store;
    private final byte[] file = new byte[300_000];

    @Before
    public void setUp() {
        store = new MediaStore(folder.getRoot().toPath());
        for (int i = 0; i < file.length; i++) {
            file[i] = (byte) (i * 31);
        }
    }

    @Test
    public void chunksInOrderMakeTheFileStoredUnderItsDigest() throws Exception {
        assertEquals(100_000, store.append("u1", 0, 100_000, slice(0, 100_000)));
        assertEquals(300_000, store.append("u1", 100_000, 200_000, slice(100_000, 300_000)));
        String sha256 = store.digest("u1");
        assertEquals("the digest of the whole file", java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(file)), sha256);

        Path kept = store.keep("u1", sha256);
        assertArrayEquals(file, Files.readAllBytes(kept));
        assertEquals("the part stays until the media is recorded", file.length, store.received("u1"));
        assertEquals("keeping it again is harmless", kept, store.keep("u1", sha256));
        store.discardQuietly("u1");
        assertEquals(0, store.received("u1"));
        assertArrayEquals(file, Files.readAllBytes(kept));
    }

    @Test
    public void theSameBytesAreKeptOnce() throws Exception {
        store.append("u1", 0, file.length, slice(0, file.length));
        store.append("u2", 0, file.length, slice(0, file.length));
        Path first = store.keep("u1", store.digest("u1"));
        Path second = store.keep("u2", store.digest("u2"));
        assertEquals(first, second);
        store.discardQuietly("u2");
        assertFalse("the second part file is dropped", Files.exists(folder.getRoot().toPath()
                .resolve("uploads/u2.part")));
    }

    @Test
    public void aChunkThatDoesNotStartWhereTheUploadIsIsRefused() throws Exception {
        store.append("u1", 0, 1000, slice(0, 1000));
        assertEquals(Reason.WRONG_OFFSET, refusal(() -> store.append("u1", 2000, 1000, slice(2000, 3000))));
        assertEquals(Reason.WRONG_OFFSET, refusal(() -> store.append("u1", 0, 1000, slice(0, 1000))));
        assertEquals(1000, store.received("u1"));
    }

    @Test
    public void aChunkThatEndsEarlyOrRunsOnIsDiscardedWhole() throws Exception {
        store.append("u1", 0, 1000, slice(0, 1000));
        assertEquals(Reason.TOO_SHORT, refusal(() -> store.append("u1", 1000, 5000, slice(1000, 3000))));
        assertEquals(1000, store.received("u1"));
        assertEquals(Reason.TOO_LONG, refusal(() -> store.append("u1", 1000, 1000, slice(1000, 3000))));
        assertEquals(1000, store.received("u1"));
    }

    @Test
    public void aBrokenConnectionKeepsWhatCameBeforeTheChunk() throws Exception {
        store.append("u1", 0, 1000, slice(0, 1000));
        InputStream broken = new FilterInputStream(slice(1000, 3000)) {
            private int left = 500;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    throw new IOException("connection reset");
                }
                int n = super.read(b, off, Math.min(len, left));
                left -= n;
                return n;
            }
        };
        assertThrows(IOException.class, () -> store.append("u1", 1000, 2000, broken));
        assertEquals(1000, store.received("u1"));
    }

    @Test
    public void chunksOfOneUploadAreWrittenOneAfterTheOther() throws Exception {
        InputStream blocking = new InputStream() {
            @Override
            public int read() throws IOException {
                assertEquals(Reason.BUSY, refusal(() -> store.append("u1", 0, 10, slice(0, 10))));
                return -1;
            }
        };
        assertEquals(Reason.TOO_SHORT, refusal(() -> store.append("u1", 0, 10, blocking)));
    }

    @Test
    public void anExpiredUploadIsNotDiscardedWhileAChunkIsWritten() throws Exception {
        store.append("u1", 0, 10, slice(0, 10));
        InputStream writing = new InputStream() {
            @Override
            public int read() throws IOException {
                try {
                    assertFalse(store.discardIfIdle("u1"));
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
                return -1;
            }
        };
        assertEquals(Reason.TOO_SHORT, refusal(() -> store.append("u1", 10, 10, writing)));
        assertTrue(store.discardIfIdle("u1"));
        assertEquals(0, store.received("u1"));
    }

    private InputStream slice(int from, int to) {
        return new ByteArrayInputStream(Arrays.copyOfRange(file, from, to));
    }

    private interface Append {
        void run() throws Exception;
    }

    private static Reason refusal(Append append) {
        try {
            append.run();
        } catch (MediaStore.ChunkRefused refused) {
            return refused.reason();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the chunk was stored");
    }
}
