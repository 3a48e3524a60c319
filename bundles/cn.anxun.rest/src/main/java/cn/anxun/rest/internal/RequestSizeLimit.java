package cn.anxun.rest.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.Response.Status;
import javax.ws.rs.ext.ReaderInterceptor;
import javax.ws.rs.ext.ReaderInterceptorContext;

import cn.anxun.rest.Problem;
import cn.anxun.rest.ProblemException;

/**
 * Bounds every request body to what the API needs: one announced larger is refused before it is read, and one sent
 * without a length (chunked) is counted while it streams and refused as soon as it passes the bound, so that no
 * body, however sent, is held in memory whole. The chunks of a media upload and a handover package to import are
 * streamed to disk by the service that takes them, and bounded there.
 */
@PreMatching
public class RequestSizeLimit implements ContainerRequestFilter, ReaderInterceptor {

    static final long MAX_BYTES = 6L * 1024 * 1024;
    private static final String UNBOUNDED = RequestSizeLimit.class.getName() + ".unbounded";

    @Override
    public void filter(ContainerRequestContext request) {
        if (isStreamedToDisk(request)) {
            request.setProperty(UNBOUNDED, Boolean.TRUE);
        } else if (request.getLength() > MAX_BYTES) {
            throw tooLarge(request.getLength() + " bytes");
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getProperty(UNBOUNDED) != null) {
            return context.proceed();
        }
        context.setInputStream(new Bounded(context.getInputStream()));
        try {
            return context.proceed();
        } catch (IOException | RuntimeException e) {
            // a body reader may wrap what the stream threw
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ProblemException tooLarge) {
                    throw tooLarge;
                }
            }
            throw e;
        }
    }

    private static boolean isStreamedToDisk(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath().replaceFirst("^/", "");
        return "PUT".equals(request.getMethod()) && path.startsWith("media-uploads/")
                || "POST".equals(request.getMethod()) && path.equals("handover-imports");
    }

    private static ProblemException tooLarge(String size) {
        return new ProblemException(Status.REQUEST_ENTITY_TOO_LARGE, "payload-too-large", "Payload too large",
                "The request body has " + size + "; at most " + MAX_BYTES + " bytes are accepted.",
                List.of(new Problem.FieldError("body", "max-size", "must be at most " + MAX_BYTES + " bytes")));
    }

    /** A body that ends the request once more than {@link #MAX_BYTES} of it were read. */
    private static final class Bounded extends FilterInputStream {

        private long read;

        Bounded(InputStream body) {
            super(body);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long bytes) {
            read += bytes;
            if (read > MAX_BYTES) {
                throw tooLarge("more than " + MAX_BYTES + " bytes");
            }
        }
    }
}
