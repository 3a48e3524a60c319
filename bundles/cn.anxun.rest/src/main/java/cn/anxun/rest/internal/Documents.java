package cn.anxun.rest.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;

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

    /**
     * A {@code Content-Disposition} that saves the answer under the name, whatever characters it has: percent-encoded
     * as RFC 6266 and 8187 say, so that no quote or line break of a name can end the header.
     */
    static String attachment(String filename) {
        return "attachment; filename*=UTF-8''" + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
