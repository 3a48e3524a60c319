package cn.anxun.rest.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import cn.anxun.institutions.SubmittedDocument;

/** Documents as downloads: their type as checked on upload, their name, their digest. */
final class Documents {

    private Documents() {
    }

    static Response download(SubmittedDocument.Content content) {
        SubmittedDocument document = content.document();
        return Response.ok(content.bytes(), document.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(document.filename()))
                .header("Digest", "sha-256=" + document.sha256()).build();
    }

    /** What writes a document. */
    interface Writing {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * A document written whole to a temporary file before it is answered, so that a failure while writing answers
     * as an error instead of a download cut short; the file goes once it is sent.
     */
    static Response spooled(String filename, String mediaType, Writing writing) {
        Path file = null;
        try {
            file = Files.createTempFile("download-", ".part");
            try (OutputStream out = Files.newOutputStream(file)) {
                writing.writeTo(out);
            }
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
        Path written = file;
        StreamingOutput body = out -> {
            try {
                Files.copy(written, out);
            } finally {
                delete(written);
            }
        };
        return Response.ok(body, mediaType).header(HttpHeaders.CONTENT_DISPOSITION, attachment(filename))
                .header(HttpHeaders.CONTENT_LENGTH, file.toFile().length()).build();
    }

    private static void delete(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // it stays in the temporary directory; nothing reads it again
        }
    }

    /**
     * A {@code Content-Disposition} that saves the answer under the name, whatever characters it has: percent-encoded
     * as RFC 6266 and 8187 say, so that no quote or line break of a name can end the header.
     */
    static String attachment(String filename) {
        return "attachment; filename*=UTF-8''"
                + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
