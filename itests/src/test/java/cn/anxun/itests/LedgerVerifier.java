package cn.anxun.itests;

import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.KarafDistributionOption;

/** The standalone ledger verifier, run as a regulator or a receiving platform runs it: its own JVM, on files. */
final class LedgerVerifier {

    /** System property carrying the path of the verifier's jar. */
    private static final String JAR = "anxun.verifier";

    record Verification(int status, String output) {
    }

    private LedgerVerifier() {
    }

    /** Hands the jar's path to the container, where the tests run. */
    static Option jar() {
        return KarafDistributionOption.editConfigurationFilePut("etc/system.properties", JAR, System.getProperty(JAR));
    }

    /**
     * Runs the verifier, as a regulator would, on a learner's record, the platform's public checkpoint as it is now
     * and the public key.
     */
    static Verification record(byte[] record, Http platform, String key) throws Exception {
        Path folder = Files.createTempDirectory("ledger-record");
        return run(Files.write(folder.resolve("record.json"), record), Files.writeString(folder.resolve(
                "checkpoint.txt"), platform.get("/api/v1/ledger/checkpoint").json().get("note").asText()),
                Files.writeString(folder.resolve("key.txt"), key));
    }

    static Verification run(Path... files) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", System.getProperty(JAR)));
        for (Path file : files) {
            command.add(file.toString());
        }
        Process verifier = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(verifier.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("the verifier ends", verifier.waitFor(60, TimeUnit.SECONDS));
        return new Verification(verifier.exitValue(), output);
    }
}
