package cn.anxun.archive.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.Test;

public class SealedAheadTest {

    private final ByteArrayOutputStream zip = new ByteArrayOutputStream();
    private final BagWriter bag = new BagWriter(zip, "bag");
    private final Set<Thread> sealers = ConcurrentHashMap.newKeySet();

    @Test
    public void filesAreMadeOffTheCallersThreadAndWrittenInTheOrderAsked() throws Exception {
        List<String> asked = new ArrayList<>();
        try (SealedAhead sealed = new SealedAhead(bag)) {
            for (int i = 0; i < 50; i++) {
                String path = "file-" + i + ".txt";
                asked.add("bag/data/" + path);
                sealed.payload(path, () -> made(path));
            }
            sealed.drain();
        }
        bag.finish(Map.of(), manifest -> "");
        List<String> written = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().startsWith("bag/data/")) {
                    written.add(entry.getName());
                    assertEquals(entry.getName().substring("bag/data/".length()),
                            new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        assertEquals(asked, written);
        assertFalse(sealers.contains(Thread.currentThread()));
        assertTrue(sealers.stream().allMatch(thread -> thread.getName().startsWith("anxun-handover-")));
        for (Thread thread : sealers) {
            thread.join(10_000);
            assertFalse("closing the export ends its threads", thread.isAlive());
        }
    }

    @Test
    public void aFileThatFailsFailsTheExportWithItsCause() throws Exception {
        IOException unreadable = new IOException("unreadable");
        try (SealedAhead sealed = new SealedAhead(bag)) {
            sealed.payload("a.txt", () -> {
                throw new UncheckedIOException(unreadable);
            });
            assertSame(unreadable, assertThrows(IOException.class, sealed::drain));
        }
        IllegalStateException broken = new IllegalStateException("broken");
        try (SealedAhead sealed = new SealedAhead(bag)) {
            sealed.payload("b.txt", () -> {
                throw broken;
            });
            assertSame(broken, assertThrows(IllegalStateException.class, sealed::drain));
        }
    }

    private byte[] made(String path) {
        sealers.add(Thread.currentThread());
        return path.getBytes(StandardCharsets.UTF_8);
    }
}
