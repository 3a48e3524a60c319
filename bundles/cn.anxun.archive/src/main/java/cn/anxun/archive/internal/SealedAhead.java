package cn.anxun.archive.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Sealed files of a package made beside the reading of the next archives, on the JDK's common pool, and written to
 * the bag in the order they were asked for. Sealing (a key agreement per file) and printing are most of an export's
 * work; the reading stays on the request's thread. At most {@link #AHEAD} files wait, so memory stays bounded.
 */
final class SealedAhead {

    private static final int AHEAD = 16;

    private final BagWriter bag;
    private final ArrayDeque<Map.Entry<String, CompletableFuture<byte[]>>> waiting = new ArrayDeque<>();

    SealedAhead(BagWriter bag) {
        this.bag = bag;
    }

    /** The file at {@code path}, once {@code content} has made it. */
    void payload(String path, Supplier<byte[]> content) throws IOException {
        waiting.add(new SimpleEntry<>(path, CompletableFuture.supplyAsync(content)));
        while (waiting.size() > AHEAD) {
            writeFirst();
        }
    }

    /** Writes every file still waiting. */
    void drain() throws IOException {
        while (!waiting.isEmpty()) {
            writeFirst();
        }
    }

    private void writeFirst() throws IOException {
        Map.Entry<String, CompletableFuture<byte[]>> first = waiting.poll();
        byte[] content;
        try {
            content = first.getValue().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
        bag.payload(first.getKey(), content);
    }
}
