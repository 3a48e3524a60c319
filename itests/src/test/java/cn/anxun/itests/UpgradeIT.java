package cn.anxun.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A database written by the build before schema migrations (src/test/resources/upgrade, with how it was made) is
 * taken over by this build: every bundle adopts its tables without recreating them, and every record the old build
 * read back through the web API reads back the same, personal data decrypted with the kept keys.
 */
public class UpgradeIT {

    private static final String FIXTURE = "/upgrade/";
    /** Fields that change by design when the platform runs again. */
    private static final Set<String> CHANGING = Set.of("lastInstalled");
    private static final List<String> HISTORIES = List.of("CITIES", "IDENTITY", "INSTITUTIONS", "COURSES", "FACE", "MEDIA");

    @Test
    public void aDatabaseOfTheBuildBeforeMigrationsUpgradesAndEveryRecordReadsBack() throws Exception {
        assumeFalse("the fixture is an embedded Derby database; the build before migrations had no PostgreSQL driver",
                TestDatabase.postgresql());
        JsonNode fixture = new ObjectMapper().readTree(UpgradeIT.class.getResourceAsStream(FIXTURE + "records.json"));
        try (Distribution platform = new Distribution(Path.of(System.getProperty("anxun.distribution")),
                Path.of(System.getProperty("anxun.work")))) {
            upgrade(platform, fixture);
        }
    }

    private static void upgrade(Distribution platform, JsonNode fixture) throws Exception {
        unzip(FIXTURE + fixture.path("fixture").path("archive").asText(), platform.home);
        Http http = new Http(platform.httpPort);
        platform.start();
        Eventually.await("ready on the old database", Duration.ofSeconds(150), http::ready);

        Map<String, Http> readers = readers(http, fixture);
        // installed features live in data/cache, which an upgrade replaces: the operator installs the cities again
        for (String city : List.of("440100", "440300")) {
            Http.Reply installed = readers.get("operator").post("/api/v1/city-modules/" + city + "/install", "");
            assertTrue(installed.body(), installed.status() / 100 == 2);
        }
        Eventually.await("both cities installed again", Duration.ofSeconds(60), () -> List.of("440100", "440300").stream()
                .allMatch(city -> readers.get("admin").get("/api/v1/cities/" + city).json().path("installed").asBoolean()));

        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (JsonNode record : fixture.path("records")) {
            compared += readBack(record, readers.get(record.path("readAs").asText()), fixture, mismatches);
        }
        System.out.printf("upgrade: %d records read back, %d values compared%n", fixture.path("records").size(), compared);
        assertEquals(List.of(), mismatches);
        platform.stop();

        assertTablesAdopted(platform.home, fixture);
    }

    /**
     * After the stop: each bundle recorded the old tables as its first changeset, no table lost a row, and the
     * learners' profiles kept in clear by the old build are sealed.
     */
    private static void assertTablesAdopted(Path home, JsonNode fixture) throws SQLException {
        try (Connection database = DriverManager.getConnection("jdbc:derby:" + home.resolve("data/derby/anxun"));
             Statement statement = database.createStatement()) {
            for (String history : HISTORIES) {
                try (ResultSet rows = statement.executeQuery("SELECT ID, EXECTYPE FROM " + history + "CHANGELOG ORDER BY ORDEREXECUTED")) {
                    assertTrue(history, rows.next());
                    assertEquals(history, "1-tables", rows.getString(1));
                    assertEquals(history + ": the old tables are adopted, not made again", "MARK_RAN", rows.getString(2));
                }
            }
            try (ResultSet clear = statement.executeQuery("SELECT COUNT(*) FROM LEARNER WHERE PROFILE_SEALED IS NULL "
                    + "OR NAME IS NOT NULL OR EMPLOYERNAME IS NOT NULL OR EMPLOYERCREDITCODE IS NOT NULL "
                    + "OR JOBTITLE IS NOT NULL")) {
                clear.next();
                assertEquals("learners whose name, employer or job title is still in clear", 0, clear.getLong(1));
            }
            for (Iterator<Map.Entry<String, JsonNode>> tables = fixture.path("tableRowCounts").fields(); tables.hasNext(); ) {
                Map.Entry<String, JsonNode> table = tables.next();
                try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + table.getKey())) {
                    count.next();
                    long kept = count.getLong(1);
                    // expired uploads and captures are purged on time; the audit grows with every audited read
                    boolean purgeable = Set.of("MEDIA_UPLOAD", "FACE_CAPTURE").contains(table.getKey());
                    assertTrue(table.getKey() + " kept " + kept + " of " + table.getValue(),
                            purgeable ? kept <= table.getValue().asLong() : kept >= table.getValue().asLong());
                }
            }
        } finally {
            shutdownDerby();
        }
    }

    /** Reads one record as its reader did, compares what it answered then, and answers how many values matched. */
    private static int readBack(JsonNode record, Http reader, JsonNode fixture, List<String> mismatches) throws Exception {
        String path = record.path("get").asText();
        JsonNode expected = record.path("fields");
        Http.Reply reply = reader.get(path);
        if (expired(record, fixture)) {
            if (reply.status() != 404 && reply.status() != 410) {
                mismatches.add(path + ": expired, yet answered " + reply.status());
            }
            return 1;
        }
        if (reply.status() != 200) {
            mismatches.add(path + ": " + reply.status() + " " + reply.body());
            return 0;
        }
        if (expected.has("sha256") && !reply.contentType().startsWith("application/json")) {
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(reply.bytes()));
            if (!sha256.equals(expected.path("sha256").asText())) {
                mismatches.add(path + ": content differs");
            }
            return 1;
        }
        int[] compared = {0};
        compare(path, expected, reply.json(), mismatches, compared);
        if (compared[0] == 0) {
            mismatches.add(path + ": nothing of " + expected + " in the answer");
        }
        return compared[0];
    }

    /**
     * The fixture keeps the fields an answer had, and counts where it had lists: each kept field is compared with the
     * same field of the answer, a count with the size of the list; a field the answer no longer has by that name is
     * left out, and the record still must match somewhere.
     */
    private static void compare(String where, JsonNode expected, JsonNode actual, List<String> mismatches, int[] compared) {
        if (actual == null || actual.isMissingNode()) {
            return;
        }
        if (expected.size() == 1 && expected.has("count") && actual.isArray()) {
            compare(where, expected.path("count"), actual, mismatches, compared);
        } else if (expected.isObject() && actual.isObject()) {
            expected.fields().forEachRemaining(field -> {
                if (!CHANGING.contains(field.getKey())) {
                    compare(where + "." + field.getKey(), field.getValue(), actual.get(field.getKey()), mismatches, compared);
                }
            });
        } else if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                mismatches.add(where + ": " + expected.size() + " entries then, " + actual.size() + " now");
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                compare(where + "[" + i + "]", expected.get(i), actual.get(i), mismatches, compared);
            }
        } else if (expected.isIntegralNumber() && actual.isArray()) {
            compared[0]++;
            if (expected.asInt() != actual.size()) {
                mismatches.add(where + ": " + expected + " then, " + actual.size() + " now");
            }
        } else if (expected.isValueNode() && actual.isValueNode()) {
            compared[0]++;
            boolean same = expected.isNumber() && actual.isNumber() ? expected.decimalValue().compareTo(actual.decimalValue()) == 0
                    : shownNow(where, expected.asText()).equals(actual.asText());
            if (!same && !where.endsWith(".total")) {
                mismatches.add(where + ": " + expected + " then, " + actual + " now");
            } else if (!same && actual.asLong() < expected.asLong()) {
                mismatches.add(where + ": the audit shrank from " + expected + " to " + actual);
            }
        }
    }

    /** A value as this build shows it: masked ID numbers now show the province and the last four characters only. */
    private static String shownNow(String where, String then) {
        return where.endsWith(".idNumber") && then.length() == 18 && then.contains("*")
                ? then.substring(0, 2) + "*".repeat(12) + then.substring(14) : then;
    }

    /** An unfinished upload and a face capture are removed when their time is up, as the fixture's notes say. */
    private static boolean expired(JsonNode record, JsonNode fixture) {
        Instant made = Instant.parse(fixture.path("fixture").path("madeAt").asText());
        return switch (record.path("kind").asText()) {
            case "media-upload" -> Instant.now().isAfter(Instant.parse(record.path("fields").path("expiresAt").asText()));
            case "face-capture" -> Instant.now().isAfter(made.plus(Duration.ofDays(89)));
            default -> false;
        };
    }

    private static Map<String, Http> readers(Http http, JsonNode fixture) {
        JsonNode credentials = fixture.path("credentials");
        Map<String, String> passwords = new HashMap<>();
        passwords.put(credentials.path("admin").path("username").asText(), credentials.path("admin").path("password").asText());
        credentials.path("staff").path("usernames").forEach(name -> passwords.put(name.asText(),
                credentials.path("staff").path("password").asText()));
        credentials.path("learners").forEach(learner -> passwords.put(learner.path("idNumber").asText(),
                learner.path("password").asText()));
        Map<String, Http> readers = new HashMap<>();
        fixture.path("readers").fields().forEachRemaining(reader -> {
            if (reader.getValue().isNull()) {
                readers.put(reader.getKey(), http);
                return;
            }
            String name = reader.getValue().asText();
            String login = name.matches("\\d{17}[\\dX]") ? "idNumber" : "username";
            Http.Reply reply = http.post("/api/v1/auth/login", "{\"" + login + "\":\"" + name + "\",\"password\":\""
                    + passwords.get(name) + "\"}");
            assertEquals(name + ": " + reply.body(), 200, reply.status());
            readers.put(reader.getKey(), http.as(reply.json().path("accessToken").asText()));
        });
        return readers;
    }

    private static void unzip(String resource, Path into) throws IOException {
        try (InputStream in = UpgradeIT.class.getResourceAsStream(resource); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path target = into.resolve(entry.getName()).normalize();
                assertTrue(entry.getName(), target.startsWith(into));
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
            }
        }
    }

    private static void shutdownDerby() {
        try {
            DriverManager.getConnection("jdbc:derby:;shutdown=true");
        } catch (SQLException expected) {
            // Derby answers a shutdown with an exception
        }
    }
}
