package cn.anxun.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Optional;

import org.junit.Test;

public class ByteRangeTest {

    @Test
    public void rangesAskedForAreClippedToTheFile() throws Exception {
        assertEquals(Optional.of(new ByteRange(0, 99)), ByteRange.requested("bytes=0-99", 1000));
        assertEquals(Optional.of(new ByteRange(900, 999)), ByteRange.requested("bytes=900-", 1000));
        assertEquals(Optional.of(new ByteRange(900, 999)), ByteRange.requested("bytes=900-5000", 1000));
        assertEquals(Optional.of(new ByteRange(800, 999)), ByteRange.requested("bytes=-200", 1000));
        assertEquals(Optional.of(new ByteRange(0, 999)), ByteRange.requested("bytes=-2000", 1000));
        assertEquals(100, ByteRange.requested("bytes=0-99", 1000).orElseThrow().length());
    }

    @Test
    public void whatAServerMayIgnoreGetsTheWholeFile() throws Exception {
        assertTrue(ByteRange.requested(null, 1000).isEmpty());
        assertTrue(ByteRange.requested("bytes=0-1,5-9", 1000).isEmpty());
        assertTrue(ByteRange.requested("bytes=9-5", 1000).isEmpty());
        assertTrue(ByteRange.requested("items=0-5", 1000).isEmpty());
        assertTrue(ByteRange.requested("bytes=-", 1000).isEmpty());
    }

    @Test
    public void aRangeBeyondTheFileCannotBeSatisfied() {
        assertThrows(ByteRange.Unsatisfiable.class, () -> ByteRange.requested("bytes=1000-", 1000));
        assertThrows(ByteRange.Unsatisfiable.class, () -> ByteRange.requested("bytes=-0", 1000));
    }

    @Test
    public void chunksAnnounceTheirBytesAndTheFileSize() {
        ByteRange.Chunk chunk = ByteRange.announced("bytes 100-199/1000").orElseThrow();
        assertEquals(new ByteRange(100, 199), chunk.range());
        assertEquals(1000, chunk.total());
        assertTrue(ByteRange.announced("bytes 199-100/1000").isEmpty());
        assertTrue(ByteRange.announced("bytes 0-9/*").isEmpty());
        assertTrue(ByteRange.announced(null).isEmpty());
    }
}
