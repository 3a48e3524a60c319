package cn.anxun.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What supervision costs with a province's data: 100,000 enrolments in 2,000 classes of 200 institutions across the 21
 * cities, each learner in one of ten counties of their city, 5,000,000 ledger entries (50 a learner), and 1,000
 * online courses of the institutions with 100,000 ratings. The rows go
 * in by JDBC as the platform keeps them (each enrolment's figures set as the ledger, tests and certificates would
 * have left them; the ledger entries as {@link LedgerBenchmark} inserts them), then the database's statistics are
 * refreshed. Then the province's, a city's and a county's regulator ask for the overview and for pages of 50 of the
 * progress list (the first page, one 100 pages deep, filtered by institution and by county) and of the other lists,
 * and export their list.
 * Prints figures; asserts only that the calls succeed. Run with
 * {@code mvn verify -pl itests -Dit.test=SupervisionBenchmark -Dpostgresql.skip=true}, or without the last option for
 * PostgreSQL too.
 */
public class SupervisionBenchmark extends AnxunTestSupport {

    private static final String[] CITIES = {"440100", "440200", "440300", "440400", "440500", "440600", "440700",
        "440800", "440900", "441200", "441300", "441400", "441500", "441600", "441700", "441800", "441900", "442000",
        "445100", "445200", "445300"};
    private static final int CLASSES = 2_000;
    private static final int PER_CLASS = 50;
    private static final int INSTITUTIONS = 200;
    private static final int ENTRIES_PER_LEARNER = 50;
    private static final long REQUIRED = 24 * 2700;

    @Test
    public void theOverviewAndPagesOfTheProgressListForAProvince() throws Exception {
        long loading = System.nanoTime();
        try (Connection connection = database().getConnection()) {
            connection.setAutoCommit(false);
            load(connection);
            refreshStatistics(connection);
        }
        System.out.printf("loaded %,d enrolments in %,d classes and %,d ledger entries in %d s%n", CLASSES * PER_CLASS,
                CLASSES, CLASSES * PER_CLASS * ENTRIES_PER_LEARNER, (System.nanoTime() - loading) / 1_000_000_000);

        Identity identity = new Identity(http);
        Http province = identity.staff("PROVINCE_REGULATOR", "440000", null).http();
        Http city = identity.staff("CITY_REGULATOR", "440100", null).http();
        Http county = identity.staff("COUNTY_REGULATOR", "440106", null).http();
        JsonNode overview = province.get("/api/v1/supervision/overview").json();
        assertEquals(overview.toString(), CLASSES * PER_CLASS, overview.get("total").get("enrolled").asLong());

        IdentityBenchmark.print("overview of the province by city", () -> province.get(
                "/api/v1/supervision/overview").status(), 200);
        IdentityBenchmark.print("overview of a city by county", () -> city.get(
                "/api/v1/supervision/overview?by=COUNTY").status(), 200);
        IdentityBenchmark.print("overview of a city by institution", () -> city.get(
                "/api/v1/supervision/overview?by=INSTITUTION").status(), 200);
        IdentityBenchmark.print("overview of a county by institution", () -> county.get(
                "/api/v1/supervision/overview?by=INSTITUTION").status(), 200);
        String progress = "/api/v1/supervision/progress?limit=50";
        IdentityBenchmark.print("progress, first page of 50 (province)", () -> province.get(progress).status(), 200);
        IdentityBenchmark.print("progress, first page of 50 (city)", () -> city.get(progress).status(), 200);
        IdentityBenchmark.print("progress, first page of 50 (county)", () -> county.get(progress).status(), 200);
        String deep = deepPosition(city, progress, 80);
        IdentityBenchmark.print("progress, page 81 of a city", () -> city.get(progress + "&after=" + deep).status(),
                200);
        IdentityBenchmark.print("progress of one institution in a city", () -> city.get(progress
                + "&institution=bench-inst-0").status(), 200);
        IdentityBenchmark.print("progress of one county, asked by the province", () -> province.get(progress
                + "&region=440106").status(), 200);
        IdentityBenchmark.print("progress of classes running in a week (province)", () -> province.get(progress
                + "&from=" + LocalDate.now(ZoneId.of("Asia/Shanghai")) + "&to=" + LocalDate.now(ZoneId.of(
                        "Asia/Shanghai")).plusDays(6)).status(), 200);
        String classes = "/api/v1/supervision/classes?limit=50";
        IdentityBenchmark.print("classes, first page of 50 (province)", () -> province.get(classes).status(), 200);
        IdentityBenchmark.print("classes, first page of 50 (county)", () -> county.get(classes).status(), 200);
        for (String list : List.of("courses", "feedback")) {
            String first = "/api/v1/supervision/" + list + "?limit=50";
            assertEquals(50, city.get(first).json().get("items").size());
            IdentityBenchmark.print(list + ", first page of 50 (province)", () -> province.get(first).status(), 200);
            IdentityBenchmark.print(list + ", first page of 50 (city)", () -> city.get(first).status(), 200);
            IdentityBenchmark.print(list + ", first page of 50 (county)", () -> county.get(first).status(), 200);
            IdentityBenchmark.print(list + " of one institution in a city", () -> city.get(first
                    + "&institution=bench-inst-0").status(), 200);
        }

        // the provincial platform reads every enrolment once, its changes numbered on that first read, then again
        FeedReader reader = FeedReader.issued(identity, http, "440000");
        long reading = System.nanoTime();
        FeedReader.Read fed = reader.read("enrolments", null, 1000);
        assertEquals(CLASSES * PER_CLASS, fed.items().size());
        System.out.printf("feed: every enrolment of the province, pages of 1,000, first read: %d ms%n",
                (System.nanoTime() - reading) / 1_000_000);
        IdentityBenchmark.print("feed: enrolments, a read when nothing changed", () -> reader.http().get(
                "/api/v1/feed/enrolments?limit=1000&after=" + fed.next()).status(), 200);
        for (String format : List.of("CSV", "XLSX")) {
            long start = System.nanoTime();
            Http.Reply export = city.get("/api/v1/supervision/progress/export?format=" + format);
            assertEquals(200, export.status());
            System.out.printf("export of a city's %s (%,d bytes): %d ms%n", format, export.bytes().length,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** The position after some pages of 50. */
    private static String deepPosition(Http http, String path, int pages) {
        String after = null;
        for (int i = 0; i < pages; i++) {
            JsonNode page = http.get(path + (after == null ? "" : "&after=" + after)).json();
            assertTrue(page.toString(), page.hasNonNull("next"));
            after = page.get("next").asText();
        }
        return after;
    }

    private static void load(Connection connection) throws Exception {
        Random random = new Random(20261206);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long now = Instant.now().toEpochMilli();
        long monday = today.minusDays(today.getDayOfWeek().getValue() - 1L).toEpochDay();
        try (PreparedStatement trainingClass = connection.prepareStatement("INSERT INTO TRAINING_CLASS (ID, "
                + "INSTITUTIONID, CITY, NAME, PROGRAMMECODE, PROGRAMMEVERSION, PROGRAMMENAME, KIND, ONLINEHOURS, "
                + "STARTSON, ENDSON, LEARNERS, OPENEDAT, OPENEDBY) VALUES (?, ?, ?, ?, ?, 1, '低压电工作业', "
                + "'INITIAL', 24, ?, ?, ?, ?, 'bench')");
                PreparedStatement enrolment = connection.prepareStatement("INSERT INTO CLASS_LEARNER (CLASSID, "
                        + "LEARNERID, ENROLLEDAT, ENROLLEDBY, CITY, REGION, REQUIREDSECONDS, CREDITEDSECONDS, "
                        + "LASTCREDITEDAT, COMPLETEDAT, WEEKOF, WEEKSECONDS, MONTHOF, MONTHSECONDS, ATTEMPTS, "
                        + "TESTRESULT, BESTSCORE, PASSEDAT, CERTIFICATE, CERTIFICATESTATUS, INSTITUTIONID, "
                        + "PROGRAMMECODE, STARTSON, ENDSON) VALUES (?, ?, ?, 'bench', ?, ?, " + REQUIRED
                        + ", ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'low-voltage-electrician', ?, ?)")) {
            for (int c = 0; c < CLASSES; c++) {
                String id = String.format("bench-class-%05d", c);
                String city = CITIES[c % CITIES.length];
                LocalDate starts = today.minusDays(random.nextInt(120));
                trainingClass.setString(1, id);
                trainingClass.setString(2, "bench-inst-" + c % INSTITUTIONS);
                trainingClass.setString(3, city);
                trainingClass.setString(4, "第" + c + "期低压电工作业初训班");
                trainingClass.setString(5, "low-voltage-electrician");
                trainingClass.setString(6, starts.toString());
                trainingClass.setString(7, starts.plusDays(60).toString());
                trainingClass.setInt(8, PER_CLASS);
                trainingClass.setLong(9, now);
                trainingClass.addBatch();
                for (int l = 0; l < PER_CLASS; l++) {
                    String learner = String.format("bench-learner-%07d", c * PER_CLASS + l);
                    long credited = Math.min(REQUIRED, random.nextInt((int) REQUIRED + 20_000));
                    boolean complete = credited == REQUIRED;
                    boolean tested = complete && random.nextInt(10) < 8;
                    boolean passed = tested && random.nextInt(10) < 8;
                    enrolment.setString(1, id);
                    enrolment.setString(2, learner);
                    enrolment.setLong(3, now - random.nextInt(1_000_000_000));
                    enrolment.setString(4, city);
                    enrolment.setString(5, city.substring(0, 4) + String.format("%02d", 3 + random.nextInt(10)));
                    enrolment.setLong(6, credited);
                    enrolment.setLong(7, now);
                    setNullable(enrolment, 8, complete ? now : null);
                    enrolment.setLong(9, monday);
                    enrolment.setLong(10, random.nextInt(20_000));
                    enrolment.setInt(11, today.getYear() * 100 + today.getMonthValue());
                    enrolment.setLong(12, random.nextInt(60_000));
                    enrolment.setInt(13, tested ? 1 + random.nextInt(2) : 0);
                    enrolment.setString(14, tested ? passed ? "PASSED" : "FAILED" : null);
                    setNullable(enrolment, 15, tested ? (long) 40 + random.nextInt(61) : null);
                    setNullable(enrolment, 16, passed ? now : null);
                    enrolment.setString(17, passed ? String.format("BENCH%011d", c * PER_CLASS + l) : null);
                    enrolment.setString(18, passed ? "VALID" : null);
                    enrolment.setString(19, "bench-inst-" + c % INSTITUTIONS);
                    enrolment.setString(20, starts.toString());
                    enrolment.setString(21, starts.plusDays(60).toString());
                    enrolment.addBatch();
                }
                if (c % 20 == 19) {
                    trainingClass.executeBatch();
                    enrolment.executeBatch();
                    connection.commit();
                }
            }
        }
        loadCourses(connection, random, now);
        for (int learner = 0; learner < CLASSES * PER_CLASS; learner++) {
            LedgerBenchmark.insert(connection, String.format("bench-learner-%07d", learner), String.format(
                    "bench-class-%05d", learner / PER_CLASS), "bench-course", "sup-" + learner + "-", 0,
                    ENTRIES_PER_LEARNER, false, ENTRIES_PER_LEARNER);
        }
    }

    /**
     * Each institution registered in the city of its first class, with five online courses, each rated by a hundred
     * learners of their own over the last 120 days.
     */
    private static void loadCourses(Connection connection, Random random, long now) throws Exception {
        try (PreparedStatement registration = connection.prepareStatement("INSERT INTO INSTITUTION_REGISTRATION "
                + "(ID, CITY, CREDITCODE, INSTITUTIONID, INSTITUTIONNAME, LETTERID, REGISTRATIONNUMBER, STATUS, "
                + "SUBMITTEDAT) VALUES (?, ?, ?, ?, '某安全培训学校', 'bench-letter', ?, 'REGISTERED', ?)");
                PreparedStatement course = connection.prepareStatement("INSERT INTO COURSE (ID, CREATED_AT, "
                        + "INSTITUTION, STATUS, TITLE, UPDATED_AT) VALUES (?, ?, ?, 'ONLINE', '低压电工作业安全技术', ?)");
                PreparedStatement rating = connection.prepareStatement("INSERT INTO COURSE_RATING (ID, COURSE, "
                        + "LEARNER, RATED_AT, SCORE, SHOWN) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < INSTITUTIONS; i++) {
                registration.setString(1, "bench-registration-" + i);
                registration.setString(2, CITIES[i % CITIES.length]);
                registration.setString(3, String.format("91440000BENCH%05d", i));
                registration.setString(4, "bench-inst-" + i);
                registration.setString(5, String.format("BENCH-%05d", i));
                registration.setLong(6, now);
                registration.executeUpdate();
                for (int c = 0; c < 5; c++) {
                    String id = String.format("bench-course-%03d-%d", i, c);
                    long created = now - random.nextInt(1_000_000_000);
                    course.setString(1, id);
                    course.setLong(2, created);
                    course.setString(3, "bench-inst-" + i);
                    course.setLong(4, created);
                    course.executeUpdate();
                    for (int r = 0; r < 100; r++) {
                        rating.setString(1, id + "-" + r);
                        rating.setString(2, id);
                        rating.setString(3, String.format("bench-learner-%07d", (i * 5 + c) * 100 + r));
                        rating.setLong(4, now - random.nextLong(120L * 24 * 3600 * 1000));
                        rating.setInt(5, 1 + random.nextInt(5));
                        rating.setBoolean(6, false);
                        rating.addBatch();
                    }
                    rating.executeBatch();
                }
                connection.commit();
            }
        }
    }

    private static void setNullable(PreparedStatement statement, int index, Long value) throws Exception {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    /** After a bulk load the optimiser's statistics lag: they are refreshed as an operator would. */
    private static void refreshStatistics(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement()) {
            if (TestDatabase.postgresql()) {
                statement.execute("ANALYZE");
            } else {
                for (String table : List.of("TRAINING_CLASS", "CLASS_LEARNER", "LEDGER_ENTRY",
                        "INSTITUTION_REGISTRATION", "COURSE", "COURSE_RATING")) {
                    statement.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('" + connection.getSchema() + "', '"
                            + table + "', NULL)");
                }
            }
            connection.commit();
        }
    }
}
