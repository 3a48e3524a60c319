package cn.anxun.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import cn.anxun.media.MediaContent;

/**
 * Media bytes for a player: the whole file or the one range it asks for (206), so that it can seek. The entity tag
 * is the file's SHA-256, which never changes for a media id.
 */
final class MediaDownloads {

    private static final int BUFFER_BYTES = 64 * 1024;

    private MediaDownloads() {
    }

    static Response send(MediaContent content, String range, String ifRange) {
        long size = content.media().size();
        EntityTag tag = new EntityTag(content.media().sha256());
        Optional<ByteRange> wanted;
        try {
            wanted = ifRange == null || ifRange.equals(tag.toString()) ? ByteRange.requested(range, size)
                    : Optional.empty();
        } catch (ByteRange.Unsatisfiable e) {
            return Response.status(Response.Status.REQUESTED_RANGE_NOT_SATISFIABLE)
                    .header("Content-Range", "bytes */" + size).tag(tag).build();
        }
        ByteRange bytes = wanted.orElse(new ByteRange(0, size - 1));
        Response.ResponseBuilder response = wanted.isPresent() ? Response.status(Response.Status.PARTIAL_CONTENT)
                .header("Content-Range", "bytes " + bytes.first() + "-" + bytes.last() + "/" + size)
                : Response.ok();
        return response.entity(copy(content, bytes)).type(content.media().mediaType())
                .header(HttpHeaders.CONTENT_LENGTH, bytes.length()).header("Accept-Ranges", "bytes").tag(tag)
                .header("X-Content-Type-Options", "nosniff").build();
    }

    private static StreamingOutput copy(MediaContent content, ByteRange bytes) {
        return out -> {
            try (InputStream in = content.open(bytes.first())) {
                copy(in, out, bytes.length());
            }
        };
    }

    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[BUFFER_BYTES];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("the media file ended " + left + " bytes early");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }
}
