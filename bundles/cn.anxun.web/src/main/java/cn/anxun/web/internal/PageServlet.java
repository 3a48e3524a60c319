package cn.anxun.web.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Answers GET and HEAD for the page files, compressed when the browser accepts it and revalidated by ETag, each with
 * the headers that keep a page to its own site: no script but the site's files (no inline script, no eval), no
 * framing, the camera for this site only, nothing sniffed, no address sent on to another site.
 */
final class PageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** What a page may load and run; media may be played from blob: URLs of a capture, never from another site. */
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: "
            + "data:; media-src 'self' blob:; connect-src 'self'; font-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static final List<String> READ = List.of("GET", "HEAD");

    private final transient PageFiles files;

    PageServlet(PageFiles files) {
        this.files = files;
    }

    /** A path that is no page file is not found whatever the method; a page file is only read. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Permissions-Policy", "camera=(self), microphone=(), geolocation=()");
        Optional<PageFiles.PageFile> found = files.at(request.getPathInfo());
        if (found.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        } else if (!READ.contains(request.getMethod())) {
            response.setHeader("Allow", String.join(", ", READ));
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        } else {
            send(found.get(), request, response);
        }
    }

    private static void send(PageFiles.PageFile file, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        // the pages change with a release: a browser asks each time, and a matching ETag answers without the bytes
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("ETag", file.etag());
        response.setHeader("Vary", "Accept-Encoding");
        if (file.etag().equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(file.type());
        String accepted = request.getHeader("Accept-Encoding");
        boolean gzip = file.gzipped() != null && accepted != null && accepted.contains("gzip");
        byte[] body = gzip ? file.gzipped() : file.bytes();
        if (gzip) {
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }
}
