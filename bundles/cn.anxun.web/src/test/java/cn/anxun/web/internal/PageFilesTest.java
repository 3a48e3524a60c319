package cn.anxun.web.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class PageFilesTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final List<String> asked = new ArrayList<>();

    private PageFiles files() throws IOException {
        Path web = folder.getRoot().toPath().resolve("web");
        Files.createDirectories(web.resolve("js"));
        Files.writeString(web.resolve("index.html"), "<!DOCTYPE html><title>安训</title>");
        Files.writeString(web.resolve("js/app.js"), "export const a = 1;\n".repeat(50));
        Files.writeString(web.resolve("secret.properties"), "key=value");
        return new PageFiles(path -> {
            asked.add(path);
            Path file = folder.getRoot().toPath().resolve(path.substring(1));
            try {
                return Files.isRegularFile(file) ? file.toUri().toURL() : null;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    public void theStartPageAnswersTheRootAndScriptsTheirType() throws IOException {
        PageFiles files = files();
        assertEquals("text/html; charset=UTF-8", files.at("/").orElseThrow().type());
        assertEquals("text/html; charset=UTF-8", files.at(null).orElseThrow().type());
        assertEquals("text/javascript; charset=UTF-8", files.at("/js/app.js").orElseThrow().type());
    }

    @Test
    public void nothingOutsideTheFolderNorOfAnUnknownTypeIsServed() throws IOException {
        PageFiles files = files();
        for (String path : new String[] {"/../web/index.html", "/js/../index.html", "/.hidden.js", "/js//app.js",
            "/secret.properties", "/js/", "/missing.js", "/a%2F..%2Findex.html"}) {
            assertTrue(path, files.at(path).isEmpty());
        }
        assertTrue("no unsafe path reaches the bundle", asked.stream().noneMatch(path -> path.contains("..")));
    }

    @Test
    public void textIsKeptCompressedAndTaggedByItsContent() throws IOException {
        PageFiles files = files();
        PageFiles.PageFile script = files.at("/js/app.js").orElseThrow();
        assertTrue(script.gzipped().length < script.bytes().length);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(script.gzipped()))) {
            assertArrayEquals(script.bytes(), in.readAllBytes());
        }
        assertTrue(script.etag().matches("\"[0-9a-f]{32}\""));
        assertNotEquals(script.etag(), files.at("/").orElseThrow().etag());
        files.at("/js/app.js");
        assertEquals("read once", 1, asked.stream().filter("/web/js/app.js"::equals).count());
    }
}
