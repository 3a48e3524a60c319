package cn.anxun.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/**
 * The platform speaking TLS itself, through pax-web's HTTPS connector with a key of its own (the first of the two
 * set-ups in docs/operations.md; the other is a reverse proxy in front of it).
 */
public class TlsIT extends AnxunTestSupport {

    private static final String HTTPS_PORT = "anxun.it.httpsPort";
    private static final String KEYSTORE = "anxun.it.keystore";
    private static final String PASSWORD = "only-for-this-test";

    @Override
    @Configuration
    public Option[] configuration() {
        Path keystore = keystore();
        String port = String.valueOf(Ports.free());
        String web = "etc/org.ops4j.pax.web.cfg";
        List<Option> options = new ArrayList<>(List.of(super.configuration()));
        options.addAll(List.of(editConfigurationFilePut(web, "org.osgi.service.http.secure.enabled", "true"),
                editConfigurationFilePut(web, "org.osgi.service.http.port.secure", port),
                editConfigurationFilePut(web, "org.ops4j.pax.web.ssl.keystore", keystore.toString()),
                editConfigurationFilePut(web, "org.ops4j.pax.web.ssl.keystore.type", "PKCS12"),
                editConfigurationFilePut(web, "org.ops4j.pax.web.ssl.keystore.password", PASSWORD),
                editConfigurationFilePut(web, "org.ops4j.pax.web.ssl.key.password", PASSWORD),
                editConfigurationFilePut("etc/system.properties", HTTPS_PORT, port),
                editConfigurationFilePut("etc/system.properties", KEYSTORE, keystore.toString())));
        return options.toArray(new Option[0]);
    }

    @Test
    public void overTlsEveryAnswerTellsBrowsersToKeepToIt() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(trusting(Path.of(System.getProperty(KEYSTORE))))
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> secure = client.send(HttpRequest.newBuilder(URI.create("https://localhost:"
                + Integer.getInteger(HTTPS_PORT) + "/api/v1/health")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(secure.body(), 200, secure.statusCode());
        String protocol = secure.sslSession().orElseThrow().getProtocol();
        assertTrue(protocol, protocol.equals("TLSv1.3") || protocol.equals("TLSv1.2"));
        assertEquals("max-age=31536000", secure.headers().firstValue("Strict-Transport-Security").orElse(null));
        assertEquals("nosniff", secure.headers().firstValue("X-Content-Type-Options").orElse(null));

        Http.Reply plain = http.get("/api/v1/health");
        assertEquals(200, plain.status());
        assertTrue("no Strict-Transport-Security over plain HTTP",
                plain.header("Strict-Transport-Security").isEmpty());
    }

    /** A PKCS#12 key store with a fresh key and certificate for localhost, made by the JDK's keytool. */
    private static Path keystore() {
        try {
            Path folder = Files.createDirectories(Path.of(System.getProperty("anxun.work")));
            Path keystore = folder.resolve("tls-" + ProcessHandle.current().pid() + ".p12");
            Files.deleteIfExists(keystore);
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "anxun", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                    "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                    .redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes());
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            return keystore;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
