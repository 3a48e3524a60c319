package cn.anxun.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The distribution as an operator runs it: started with bin/karaf from an unpacked archive with no Maven repository
 * to fall back on, a city module dropped into deploy/, the console reached through bin/client with the operator
 * account, the first administrator logging in with the one-time password from the log, stopped with bin/stop and
 * started again with its data and keys intact.
 */
public class DistributionIT {

    private static final String GUANGZHOU = "440100";
    /** A plugin in deploy/ that imports a package of the core. */
    private static final String REFUSED = "com.vendor.validator.refused";
    private static final String NEW_ADMIN_PASSWORD = "Changed-2026-pw";
    private static final Pattern ONE_TIME_PASSWORD = Pattern.compile("with the one-time password (\\S+)");
    private static final Pattern CONSOLE_PASSWORD = Pattern.compile("Console account 'operator' created with the "
            + "password (\\S+)");

    private Distribution platform;

    @After
    public void kill() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    public void dataSurvivesARestartAndModulesComeAndGoThroughDeploy() throws Exception {
        Path archive = property("anxun.distribution");
        System.out.printf("distribution archive: %.1f MiB%n", Files.size(archive) / 1024.0 / 1024.0);
        platform = new Distribution(archive, property("anxun.work"));
        Http http = new Http(platform.httpPort);

        long coldStart = System.nanoTime();
        platform.start();
        Eventually.await("ready after a cold start", Duration.ofSeconds(150), http::ready);
        System.out.printf("cold start to ready: %d ms%n", since(coldStart).toMillis());
        System.out.printf("resident memory after boot: %d MiB%n", platform.residentMiB());

        long dropped = System.nanoTime();
        Path module = platform.deploy().resolve("cn.anxun.city.guangzhou.jar");
        Files.copy(property("anxun.cityModule"), module);
        Eventually.await("440100 installed from deploy/", Duration.ofSeconds(15), () -> listed(http, GUANGZHOU));
        System.out.printf("city module in deploy/ to listed: %d ms%n", since(dropped).toMillis());
        String firstInstalled = city(http).path("firstInstalled").asText();
        PluginJars.write(platform.deploy().resolve("vendor-refused.jar"), REFUSED, PluginJars.CORE_IMPORT);
        Eventually.await("the plugin that imports the core refused", Duration.ofSeconds(15),
                () -> refusalsLogged() == 1);

        Identity.Account admin = firstAdministrator(http);
        String idNumber = IdNumbers.next();
        Identity.Account learner = new Identity(http).learner(Identity.registration(idNumber, null));
        assertEquals("owner-only key folder", "rwx------", permissions("data/keys"));
        assertEquals("owner-only key file", "rw-------", permissions("data/keys/personal-data-1.key"));

        List<String> consolePasswords = consolePasswords();
        assertEquals("one console password, generated at the first start", 1, consolePasswords.size());
        String console = consoleUntilUp(consolePasswords.get(0), "anxun:cities", "Code");
        assertTrue(console, console.contains(GUANGZHOU) && console.contains("installed"));
        assertRefusedStaysInstalled(consolePasswords.get(0));
        String users = platform.read("etc/users.properties");
        assertTrue("the operator password is stored hashed", users.contains("operator = {CRYPT}"));
        assertFalse(users.contains(consolePasswords.get(0)));
        Optional<InetAddress> outside = outsideAddress();
        if (outside.isPresent()) {
            try (Socket ssh = new Socket()) {
                ssh.connect(new InetSocketAddress(outside.get(), platform.sshPort), 2000);
                throw new AssertionError("the console answers on " + outside.get());
            } catch (ConnectException refused) {
                // the console listens on 127.0.0.1 only
            }
        } else {
            System.out.println("no address but the loopback: the console's binding was not checked from outside");
        }

        platform.stop();
        long warmStart = System.nanoTime();
        platform.start();
        Eventually.await("ready after a restart", Duration.ofSeconds(120), http::ready);
        System.out.printf("restart to ready: %d ms%n", since(warmStart).toMillis());
        Eventually.await("440100 installed again after the restart", Duration.ofSeconds(15), () -> listed(http, GUANGZHOU));
        assertEquals("recorded data survives a restart", firstInstalled, city(http).path("firstInstalled").asText());
        assertEquals("no new console password at a restart", consolePasswords, consolePasswords());
        assertEquals("one first administrator, one one-time password", 1, oneTimePasswords().count());
        new Identity(http).login("{\"username\":\"admin\",\"password\":\"" + NEW_ADMIN_PASSWORD + "\"}");
        Identity.Account again = new Identity(http).login("{\"idNumber\":\"" + idNumber + "\",\"password\":\""
                + Identity.LEARNER_PASSWORD + "\"}");
        assertEquals("sealed data opens after a restart", idNumber, again.http()
                .get("/api/v1/learners/" + learner.id() + "/personal-data").json().path("idNumber").asText());
        assertEquals("a session outlives a restart", 200, admin.http().get("/api/v1/me").status());
        Eventually.await("the refusal judged again, once, after the restart", Duration.ofSeconds(30),
                () -> refusalsLogged() == 2);
        assertRefusedStaysInstalled(consolePasswords.get(0));

        Files.delete(module);
        Eventually.await("440100 removed with its jar", Duration.ofSeconds(15), () -> !listed(http, GUANGZHOU));
        JsonNode removed = city(http);
        assertFalse(removed.path("installed").asBoolean());
        assertEquals(firstInstalled, removed.path("firstInstalled").asText());
        platform.stop();
    }

    /** Logs in with the one-time password the first start wrote to the log, and replaces it. */
    private Identity.Account firstAdministrator(Http http) throws IOException {
        String password = oneTimePasswords().findFirst().orElseThrow(() -> new AssertionError("no one-time password logged"));
        Identity.Account admin = new Identity(http).login("{\"username\":\"admin\",\"password\":\"" + password + "\"}");
        Http.Reply changed = admin.http().post("/api/v1/me/password", "{\"currentPassword\":\"" + password
                + "\",\"newPassword\":\"" + NEW_ADMIN_PASSWORD + "\"}");
        assertEquals(changed.body(), 204, changed.status());
        return admin;
    }

    private Stream<String> oneTimePasswords() throws IOException {
        Matcher found = ONE_TIME_PASSWORD.matcher(platform.read("data/log/karaf.log"));
        return found.results().map(result -> result.group(1));
    }

    private long refusalsLogged() {
        try {
            return platform.read("data/log/karaf.log").lines()
                    .filter(line -> line.contains("Refused the plugin bundle " + REFUSED)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A refused plugin dropped into deploy/ is installed, as the operator can see, and never resolved. */
    private void assertRefusedStaysInstalled(String consolePassword) {
        String bundles = consoleUntilUp(consolePassword, "bundle:list -s -t 0", "Symbolic name");
        assertTrue(bundles, bundles.lines().anyMatch(line -> line.contains(REFUSED) && line.contains("Installed")));
    }

    private String permissions(String path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(platform.home.resolve(path)));
    }

    private List<String> consolePasswords() throws IOException {
        return CONSOLE_PASSWORD.matcher(platform.read("data/log/karaf.log")).results().map(result -> result.group(1))
                .toList();
    }

    /** An address of this machine that is not the loopback, if it has one. */
    private static Optional<InetAddress> outsideAddress() throws SocketException {
        return NetworkInterface.networkInterfaces().filter(DistributionIT::up).flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress()).findFirst();
    }

    private static boolean up(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }

    /** The console's answer to the command once it holds {@code answered}. */
    private String consoleUntilUp(String password, String command, String answered) {
        String[] output = {""};
        try {
            Eventually.await("the console answers " + command, Duration.ofSeconds(60), () -> {
                try {
                    output[0] = platform.console("operator", password, command);
                } catch (Exception e) {
                    output[0] = e.toString();
                }
                return output[0].contains(answered);
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last output: " + output[0], e);
        }
        return output[0];
    }

    private static Path property(String name) {
        return Path.of(System.getProperty(name));
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    private static boolean listed(Http http, String code) {
        return http.get("/api/v1/cities").body().contains("\"code\":\"" + code + "\"");
    }

    private static JsonNode city(Http http) {
        Http.Reply reply = http.get("/api/v1/cities/" + GUANGZHOU);
        assertEquals(reply.body(), 200, reply.status());
        return reply.json();
    }
}
