package cn.anxun.itests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Plugin bundles that are only a manifest: enough for the platform to judge their imports. */
final class PluginJars {

    /** An import of a core package the platform exports, which resolves unless the contract stops it. */
    static final String CORE_IMPORT = "cn.anxun.ledger";
    /** An import of an internal package of the face bundle. */
    static final String INTERNAL_IMPORT = "cn.anxun.face.internal";
    /** An import of an SPI package in its major version, as a plugin built against this platform has. */
    static final String SPI_IMPORT = "cn.anxun.api.face;version=\"[1.1,2)\"";

    private PluginJars() {
    }

    static InputStream plugin(String symbolicName, String imports) {
        return new ByteArrayInputStream(bytes(symbolicName, imports));
    }

    /** Writes the jar next to its place, then moves it there, so that a watched folder never sees half of it. */
    static Path write(Path file, String symbolicName, String imports) {
        try {
            Path partial = Files.write(file.resolveSibling(file.getFileName() + ".part"), bytes(symbolicName, imports));
            return Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String symbolicName, String imports) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Import-Package", imports);
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(jar, manifest)) {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar.toByteArray();
    }
}
