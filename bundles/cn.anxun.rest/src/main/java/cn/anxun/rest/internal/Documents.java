package cn.anxun.rest.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;

import cn.anxun.institutions.SubmittedDocument;

/** Submitted documents as downloads: their type as checked on upload, their name, their digest. */
final class Documents {

    private Documents() {
    }

    static Response download(SubmittedDocument.Content content) {
        SubmittedDocument document = content.document();
        String name = URLEncoder.encode(document.filename(), StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(content.bytes(), document.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''" + name)
                .header("Digest", "sha-256=" + document.sha256())
                .header("X-Content-Type-Options", "nosniff").build();
    }
}
