package cn.anxun.itests;

import static cn.anxun.itests.Problems.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.cxf.rs.security.jose.jwa.ContentAlgorithm;
import org.apache.cxf.rs.security.jose.jwa.KeyAlgorithm;
import org.apache.cxf.rs.security.jose.jwe.JweUtils;
import org.apache.cxf.rs.security.jose.jwk.JwkUtils;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.KarafDistributionOption;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The handover package of an institution whose learner studied, tested and was certified, for a second platform: a
 * valid BagIt bag by the Library of Congress's own reader, verified by the standalone verifier with the ledger's
 * key, its personal data readable only with the receiver's key; taken over whole by the receiver, who reads the same
 * archive there; refused by the source (not its key), with another key, twice, or with one byte of one record
 * changed, each time naming the file.
 */
final class HandedOver {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ZIP = "application/zip";
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

    /** The receiving platform, started now so that it boots while the source's learner studies. */
    static Distribution receiving() throws Exception {
        Distribution receiving = Distribution.another();
        receiving.set("etc/cn.anxun.identity.cfg", "initialAdminPasswordHash", Identity.ADMIN_PASSWORD_HASH);
        receiving.start();
        return receiving;
    }

    /**
     * @param receiving the platform to hand the archives over to, or {@code null} to hand them to the source itself,
     *        which must refuse them as archives of its own learners
     */
    static void export(Http http, Identity identity, Classroom classroom, String institution, Distribution receiving)
            throws Exception {
        Http there = receiving == null ? http : new Http(receiving.httpPort);
        Eventually.await("the receiving platform is ready", Duration.ofSeconds(150), there::ready);
        handOver(http, identity, classroom, institution, receiving, there);
        if (receiving != null) {
            receiving.stop();
        }
    }

    private static void handOver(Http http, Identity identity, Classroom classroom, String institution,
            Distribution receiving, Http there) throws Exception {
        JsonNode receiver = there.get("/api/v1/handover/key").json();
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

        String sourceKey = http.get("/api/v1/ledger/key").body();
        Path key = Files.writeString(bag.resolveSibling("key.txt"), sourceKey);
        LedgerVerifier.Verification verified = LedgerVerifier.run(bag, key);
        assertEquals(verified.output(), 0, verified.status());
        assertTrue(verified.output(), verified.output().contains("1 ledger records, 0 failures"));

        // any JOSE library opens the personal data with the receiver's private key
        String receiverPair = receiving == null ? Files.readString(Path.of(System.getProperty("karaf.data"), "keys",
                "handover-receiver.jwk")) : receiving.read("data/keys/handover-receiver.jwk");
        JsonNode opened = JSON.readTree(JweUtils.decrypt(JwkUtils.toECPrivateKey(JwkUtils.readJwkKey(receiverPair)),
                KeyAlgorithm.ECDH_ES_A256KW,
                ContentAlgorithm.A256GCM, Files.readString(bag.resolve("data/learners/" + learner
                        + "/archive.json.jwe"))));
        assertEquals(idNumber, opened.get("personalData").get("idNumber").asText());

        String imports = "/api/v1/handover-imports?sourceKey=" + URLEncoder.encode(sourceKey.strip(),
                StandardCharsets.UTF_8);
        String archiveFile = "data/learners/" + learner + "/archive.json.jwe";
        Http operator;
        if (receiving == null) {
            operator = classroom.operator().http();
            assertRefused(post(operator, imports, exported.bytes()), archiveFile, "duplicate");
        } else {
            operator = takeOver(classroom, institution, exported.bytes(), there, imports, archiveFile, learner, name,
                    idNumber);
        }

        // one byte of one record changed: the verifier, a BagIt library and the receiving platform all name the file
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
        assertRefused(post(operator, imports, zip(bag)), record, "checksum");
    }

    /** The package refused by its source, then taken over by the receiving platform, where it reads the same. */
    private static Http takeOver(Classroom classroom, String institution, byte[] exported, Http there, String imports,
            String archiveFile, String learner, String name, String idNumber) {
        assertRefused(post(classroom.operator().http(), imports, exported), archiveFile, "receiver-key");
        Http operator = new Identity(there).staff("OPERATOR", null, null).http();
        String otherKey = there.get("/api/v1/ledger/key").body().strip();
        assertRefused(post(operator, "/api/v1/handover-imports?sourceKey=" + URLEncoder.encode(otherKey,
                StandardCharsets.UTF_8), exported), "handover-signature.txt", "signature");

        Http.Reply taken = post(operator, imports, exported);
        assertEquals(taken.body(), 201, taken.status());
        JsonNode report = taken.json();
        assertEquals(institution, report.get("sourceInstitutionId").asText());
        assertEquals(learner, report.get("learners").get(0).get("sourceId").asText());
        JsonNode here = operator.get("/api/v1/imported-archives/" + report.get("learners").get(0).get("id").asText())
                .json();
        assertEquals(name, here.get("name").asText());
        assertEquals(idNumber.substring(0, 2) + "*".repeat(12) + idNumber.substring(14), here.get("idNumber")
                .asText());
        JsonNode source = classroom.admin().get("/api/v1/learners/" + learner + "/archive").json();
        assertEquals(kinds(source.get("sections")), kinds(here.get("archive").get("sections")));
        assertEquals(section(source, "ledger").get("entries").size(), section(here.get("archive"), "ledger")
                .get("entries").size());
        assertEquals(classroom.trainingClass(), operator.get("/api/v1/imported-archives/" + report.get("classes")
                .get(0).get("id").asText()).json().get("archive").get("trainingClass").get("id").asText());
        assertRefused(post(operator, imports, exported), archiveFile, "duplicate");
        return operator;
    }

    private static Http.Reply post(Http http, String path, byte[] zip) {
        return http.raw("POST", path, ZIP, HttpRequest.BodyPublishers.ofByteArray(zip));
    }

    private static void assertRefused(Http.Reply reply, String file, String rule) {
        JsonNode problem = assertProblem(reply, 422, "invalid-input");
        JsonNode error = problem.get("errors").get(0);
        assertEquals(problem.toString(), file, error.get("field").asText());
        assertEquals(problem.toString(), rule, error.get("rule").asText());
    }

    private static List<String> kinds(JsonNode sections) {
        List<String> kinds = new ArrayList<>();
        sections.forEach(section -> kinds.add(section.get("kind").asText()));
        return kinds;
    }

    private static JsonNode section(JsonNode archive, String kind) {
        for (JsonNode section : archive.get("sections")) {
            if (section.get("kind").asText().equals(kind)) {
                return section.get("records").get(0).get("data");
            }
        }
        throw new AssertionError("no section " + kind + " in " + archive);
    }

    /** The bag zipped again as the platform zips it: one folder. */
    private static byte[] zip(Path bag) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Path file : files(bag)) {
                out.putNextEntry(new ZipEntry(bag.getFileName() + "/" + bag.relativize(file).toString()
                        .replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
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
