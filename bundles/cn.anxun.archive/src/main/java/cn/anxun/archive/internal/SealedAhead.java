package cn.anxun.archive.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Sealed files of a package made beside the reading of the next archives, and written to the bag in the order they
 * were asked for. Sealing (a key agreement per file) and printing are most of an export's work; the reading stays on
 * the request's thread. The export owns its threads, one per core, so concurrent exports cannot starve the rest of
 * the platform of a shared pool; at most {@link #AHEAD} files wait, so memory stays bounded.
 */
final class SealedAhead implements AutoCloseable {

    private static final int AHEAD = 16;
    private static final AtomicInteger EXPORTS = new AtomicInteger();

    private final BagWriter bag;
    private final ExecutorService sealers;
    private final ArrayDeque<Map.Entry<String, Future<byte[]>>> waiting = new ArrayDeque<>();

    SealedAhead(BagWriter bag) {
        this.bag = bag;
        String name = "anxun-handover-" + EXPORTS.incrementAndGet() + "-";
        AtomicInteger threads = new AtomicInteger();
        this.sealers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), task -> {
            Thread thread = new Thread(task, name + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The file at {@code path}, once {@code content} has made it. */
    void payload(String path, Supplier<byte[]> content) throws IOException {
        waiting.add(new SimpleEntry<>(path, sealers.submit(content::get)));
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

    /** Drops the files still waiting; one already being made finishes on its thread, which then ends. */
    @Override
    public void close() {
        sealers.shutdownNow();
    }

    private void writeFirst() throws IOException {
        Map.Entry<String, Future<byte[]>> first = waiting.poll();
        byte[] content;
        try {
            content = first.getValue().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw (IOException) new InterruptedIOException("interrupted while sealing " + first.getKey()).initCause(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IOException("sealing " + first.getKey() + " failed", e.getCause());
        }
        bag.payload(first.getKey(), content);
    }
}
