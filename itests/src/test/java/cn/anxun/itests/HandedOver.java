package cn.anxun.itests;

import static cn.anxun.itests.Problems.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.cxf.rs.security.jose.jwa.ContentAlgorithm;
import org.apache.cxf.rs.security.jose.jwa.KeyAlgorithm;
import org.apache.cxf.rs.security.jose.jwe.JweUtils;
import org.apache.cxf.rs.security.jose.jwk.JwkUtils;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.KarafDistributionOption;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The handover package of an institution whose learner studied, tested and was certified: a valid BagIt bag by the
 * Library of Congress's own reader, verified by the standalone verifier with the ledger's key, its personal data
 * readable only with the receiver's key; one byte changed in one record, both refuse it and name the file.
 */
final class HandedOver {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** System property carrying the classpath of {@link BagCheck}: the test classes and the BagIt library's jars. */
    private static final String BAG_CHECK = "anxun.bagit";

    record Outcome(int status, String output) {
    }

    private HandedOver() {
    }

    /** Hands the BagIt check's classpath to the container, where the tests run. */
    static Option bagCheck() {
        return KarafDistributionOption.editConfigurationFilePut("etc/system.properties", BAG_CHECK,
                System.getProperty(BAG_CHECK));
    }

    static void export(Http http, Identity identity, Classroom classroom, String institution) throws Exception {
        JsonNode receiver = http.get("/api/v1/handover/key").json();
        assertEquals(receiver.toString(), "P-256", receiver.get("crv").asText());
        assertFalse(receiver.has("d"));
        String path = "/api/v1/institutions/" + institution + "/handover-package";
        String request = "{\"receiverKey\":" + receiver + "}";
        assertProblem(identity.staff("INSTITUTION_ADMIN", null, "inst-handover-stranger").http().post(path, request),
                403, "forbidden");
        JsonNode refused = assertProblem(classroom.admin().post(path, "{\"receiverKey\":{\"kty\":\"EC\"}}"), 422,
                "invalid-input");
        assertEquals("receiverKey", refused.get("errors").get(0).get("field").asText());

        Http.Reply exported = classroom.admin().post(path, request);
        assertEquals(exported.body(), 200, exported.status());
        assertEquals("application/zip", exported.contentType());
        Path bag = unzip(exported.bytes());
        Outcome valid = bagCheck(bag);
        assertEquals(valid.output(), 0, valid.status());
        JsonNode index = JSON.readTree(bag.resolve("data/index.json").toFile());
        assertEquals(classroom.trainingClass(), index.get("classes").get(0).get("id").asText());
        String learner = classroom.learner().id();
        assertEquals(learner, index.get("learners").get(0).get("id").asText());
        String idNumber = classroom.registration().get("idNumber").asText();
        String name = classroom.registration().get("name").asText();
        for (Path file : files(bag)) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            assertFalse(file + " holds the ID number", text.contains(idNumber) || text.contains(idNumber.substring(
                    0, 6) + "*"));
            assertFalse(file + " holds the name", text.contains(name));
        }

        Path key = Files.writeString(bag.resolveSibling("key.txt"), http.get("/api/v1/ledger/key").body());
        LedgerVerifier.Verification verified = LedgerVerifier.run(bag, key);
        assertEquals(verified.output(), 0, verified.status());
        assertTrue(verified.output(), verified.output().contains("1 ledger records, 0 failures"));

        JsonNode opened = JSON.readTree(JweUtils.decrypt(JwkUtils.toECPrivateKey(JwkUtils.readJwkKey(Files.readString(
                Path.of(System.getProperty("karaf.data"), "keys", "handover-receiver.jwk")))),
                KeyAlgorithm.ECDH_ES_A256KW, ContentAlgorithm.A256GCM, Files.readString(bag.resolve("data/learners/"
                        + learner + "/archive.json.jwe"))));
        assertEquals(idNumber, opened.get("personalData").get("idNumber").asText());
        assertEquals(name, opened.get("archive").get("learner").get("name").asText());
        assertTrue(opened.toString(), opened.get("archive").get("sections").size() >= 5);

        String record = "data/learners/" + learner + "/ledger.json";
        byte[] bytes = Files.readAllBytes(bag.resolve(record));
        int at = new String(bytes, StandardCharsets.UTF_8).indexOf("\"creditedSeconds\":") + 18;
        bytes[at] = (byte) (bytes[at] == '9' ? '8' : bytes[at] + 1);
        Files.write(bag.resolve(record), bytes);
        LedgerVerifier.Verification tampered = LedgerVerifier.run(bag, key);
        assertEquals(tampered.output(), 1, tampered.status());
        assertTrue(tampered.output(), tampered.output().contains("FAILED " + record + ": changed since the package "
                + "was signed"));
        Outcome corrupt = bagCheck(bag);
        assertEquals(corrupt.output(), 1, corrupt.status());
        assertTrue(corrupt.output(), corrupt.output().contains("CorruptChecksumException")
                && corrupt.output().contains(learner + "/ledger.json"));
    }

    private static Outcome bagCheck(Path bag) throws Exception {
        Process check = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty(BAG_CHECK), "cn.anxun.itests.BagCheck", bag.toString()).redirectErrorStream(true)
                .start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("the BagIt check ends", check.waitFor(60, TimeUnit.SECONDS));
        return new Outcome(check.exitValue(), output);
    }

    /** The package unpacked into a folder of its own: the bag's folder. */
    private static Path unzip(byte[] zip) throws IOException {
        Path into = Files.createTempDirectory("handover");
        List<Path> roots = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path file = into.resolve(entry.getName()).normalize();
                assertTrue(entry.getName(), file.startsWith(into));
                Files.createDirectories(file.getParent());
                Files.copy(in, file);
                Path root = into.resolve(into.relativize(file).getName(0));
                if (!roots.contains(root)) {
                    roots.add(root);
                }
            }
        }
        assertEquals("one folder, the bag", 1, roots.size());
        return roots.get(0);
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
