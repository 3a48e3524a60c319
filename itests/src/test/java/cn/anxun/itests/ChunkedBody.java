package cn.anxun.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Streams a request body of up to {@code limit} bytes with {@code Transfer-Encoding: chunked} (so no length is
 * announced) over a socket of its own, and stops as soon as the platform answers. The test runs inside the
 * platform's JVM, so the heap's peak while the body streams is the platform's.
 */
final class ChunkedBody {

    private static final int CHUNK = 64 * 1024;

    /** The answer's status code, how many body bytes were sent before it came, and the heap's peak meanwhile. */
    record Answer(int status, long sent, long peakHeapBytes) {
    }

    private ChunkedBody() {
    }

    static Answer send(int port, String method, String path, String token, String contentType, byte filler,
            long limit) throws Exception {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(60));
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            CompletableFuture<String> statusLine = CompletableFuture.supplyAsync(() -> line(in));
            out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nContent-Type: " + contentType
                    + "\r\nTransfer-Encoding: chunked\r\n" + (token == null ? "" : "Authorization: Bearer " + token
                    + "\r\n") + "\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[CHUNK];
            Arrays.fill(chunk, filler);
            byte[] size = (Integer.toHexString(CHUNK) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] end = "\r\n".getBytes(StandardCharsets.US_ASCII);
            long sent = 0;
            try {
                while (sent < limit && !statusLine.isDone()) {
                    out.write(size);
                    out.write(chunk);
                    out.write(end);
                    sent += CHUNK;
                }
                if (!statusLine.isDone()) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
            } catch (IOException closed) {
                // the platform answered and closed the connection rather than read the rest
            }
            String status = statusLine.get(60, TimeUnit.SECONDS);
            if (status == null || !status.startsWith("HTTP/1.1 ")) {
                throw new AssertionError("no HTTP answer, but: " + status);
            }
            return new Answer(Integer.parseInt(status.substring(9, 12)), sent, peakHeap());
        }
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    private static String line(InputStream in) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                line.write(b);
            }
        } catch (IOException e) {
            return "read failed: " + e;
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII).strip();
    }
}
