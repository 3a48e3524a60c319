package cn.anxun.itests;

import static cn.anxun.itests.Problems.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.junit.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Suspicious patterns planted in two counties of Guangzhou: one face registered under two ID numbers, a
 * learner studying from two login sessions at once, around the clock and beyond the daily cap, and a learner whose
 * face checks fail again and again; and in Zhuhai an institution whose learners study at night and one whose learners
 * pass far more often than the city's others'. A look at the records flags each for the regulators of its region,
 * with the records that show it, and nobody else.
 */
public class FlagsIT extends SharedPlatformTestSupport {

    private static final String GUANGZHOU = "440100";
    private static final String LIWAN = "440103";
    private static final String TIANHE = "440106";
    private static final String ZHUHAI = "440400";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    private ConfigurationAdmin configurations;

    @Test
    public void eachPlantedPatternIsFlaggedForTheRegulatorsOfItsRegion() throws Exception {
        // the look's clock is the supervision's; the records are stamped by the other bundles' platform clock
        MovableClock clock = onMovableClock("cn.anxun.supervision");
        Identity identity = new Identity(http);
        Identity.cityInstalled(bundleContext, http, "guangzhou", GUANGZHOU);
        Identity.cityInstalled(bundleContext, http, "shenzhen", "440300");
        Http liwan = identity.staff("COUNTY_REGULATOR", LIWAN, null).http();
        Http tianhe = identity.staff("COUNTY_REGULATOR", TIANHE, null).http();
        Http city = identity.staff("CITY_REGULATOR", GUANGZHOU, null).http();
        Http shenzhen = identity.staff("CITY_REGULATOR", "440300", null).http();

        // one face under two ID numbers, in two counties; a third learner of another face fails check after check
        Identity.Account connery = checked(identity, LIWAN, Photos.CONNERY, Photos.CONNERY_AGAIN);
        Identity.Account twin = checked(identity, TIANHE, Photos.CONNERY, Photos.CONNERY_AGAIN);
        Identity.Account failing = checked(identity, LIWAN, Photos.BIEBER, Photos.BIEBER_AGAIN);
        for (int i = 0; i < 3; i++) {
            check(failing, Photos.variant(Photos.CONNERY_AGAIN, i + 1));
        }

        // one learner starts studying on a second device while the first still beats
        Classroom classroom = Classroom.open(identity, "inst-flag-gz", GUANGZHOU, LIWAN);
        Identity.Account again = identity.login("{\"idNumber\":\"" + classroom.registration().get("idNumber")
                .asText() + "\",\"password\":\"" + classroom.registration().get("password").asText() + "\"}");
        String first = started(Photos.post(classroom.learner().http(), classroom.studyStart(),
                Photos.variant(Photos.CAGE_AGAIN, 301)));
        String second = started(Photos.post(again.http(), classroom.studyStart(),
                Photos.mirrored(Photos.CAGE_AGAIN)));
        // and sat from the night to the evening of that day: sixteen hours are not waited out here, the two
        // sessions' times are set as they would have been
        LocalDate day = LocalDate.parse(studyDay(first));
        execute("UPDATE STUDY_SESSION SET STARTEDAT = " + day.atTime(3, 10).atZone(CHINA).toInstant().toEpochMilli()
                + " WHERE ID = '" + first + "'");
        execute("UPDATE STUDY_SESSION SET LASTBEATAT = " + day.atTime(19, 40).atZone(CHINA).toInstant()
                .toEpochMilli() + " WHERE ID = '" + second + "'");

        // and tried again and again to study once the day's cap was reached: here a cap of none, for a while
        Configuration study = configurations.getConfiguration("cn.anxun.study", null);
        Dictionary<String, Object> shipped = study.getProperties();
        Hashtable<String, Object> capped = shipped == null ? new Hashtable<>() : copyOf(shipped);
        capped.put("dailyCapHours", "0");
        studyCap(study, capped, "0");
        try {
            for (int i = 0; i < 3; i++) {
                assertProblem(Photos.post(classroom.learner().http(), classroom.studyStart(), Photos.CAGE_AGAIN),
                        409, "conflict");
            }
        } finally {
            capped.put("dailyCapHours", shipped == null || shipped.get("dailyCapHours") == null ? "8"
                    : shipped.get("dailyCapHours"));
            studyCap(study, capped, String.valueOf(capped.get("dailyCapHours")));
        }

        // three institutions of Zhuhai whose learners studied in the last days, one of them mostly at night
        LocalDate past = LocalDate.now(CHINA).minusDays(2);
        for (String institution : List.of("inst-night-a", "inst-night-b", "inst-night-c")) {
            int nights = institution.endsWith("c") ? 12 : 1;
            for (int i = 0; i < 20; i++) {
                planted(first, institution, past.minusDays(i).atTime(i < nights ? 2 : 10, 30).atZone(CHINA));
            }
        }

        // three institutions of Zhuhai whose learners were tested, one of them passing nearly all
        for (String institution : List.of("inst-pass-a", "inst-pass-b", "inst-pass-c")) {
            int passes = institution.endsWith("c") ? 19 : institution.endsWith("b") ? 9 : 8;
            for (int i = 0; i < 20; i++) {
                tested(classroom, institution, i < passes);
            }
        }

        assertProblem(identity.staff("INSTITUTION_ADMIN", null, "inst-flag-gz").http().post(
                "/api/v1/supervision/flags/runs", ""), 403, "forbidden");
        clock.set(Instant.now());
        Http.Reply run = city.post("/api/v1/supervision/flags/runs", "");
        assertEquals(run.body(), 200, run.status());
        assertTrue(run.body(), run.json().at("/found/shared-face").asInt() >= 2);
        assertTrue(run.body(), run.json().at("/found/two-places").asInt() >= 1);
        assertTrue(run.body(), run.json().at("/found/face-failures").asInt() >= 1);
        assertTrue(run.body(), run.json().at("/found/round-the-clock").asInt() >= 1);
        assertTrue(run.body(), run.json().at("/found/beyond-the-cap").asInt() >= 1);
        assertTrue(run.body(), run.json().at("/found/night-study").asInt() >= 1);
        assertTrue(run.body(), run.json().at("/found/outlying-pass-rate").asInt() >= 1);

        JsonNode shared = flagOf(liwan, "shared-face", connery.id());
        assertTrue(shared.toString(), records(shared).contains("learner:" + twin.id()));
        assertFalse(shared.toString(), records(shared).contains("learner:" + failing.id()));
        assertEquals(LIWAN, shared.get("region").asText());
        assertTrue(records(flagOf(tianhe, "shared-face", twin.id())).contains("learner:" + connery.id()));
        JsonNode twoPlaces = flagOf(liwan, "two-places", classroom.learner().id());
        assertEquals(Set.of("study-session:" + first, "study-session:" + second), Set.copyOf(records(twoPlaces)));
        assertTrue(records(flagOf(liwan, "face-failures", failing.id())).size() >= 3);
        // the failing learner's captures show the face of the learners of the other ID numbers
        List<String> borrowed = records(flagOf(liwan, "shared-face", failing.id()));
        assertTrue(borrowed.toString(), borrowed.containsAll(List.of("learner:" + connery.id(), "learner:"
                + twin.id())) && borrowed.stream().filter(record -> record.startsWith("face-check:")).count() >= 3);
        JsonNode beyondTheCap = flagOf(liwan, "beyond-the-cap", classroom.learner().id());
        assertEquals(Set.of("study-session:" + first, "study-session:" + second), Set.copyOf(records(beyondTheCap)));
        assertTrue(beyondTheCap.toString(), beyondTheCap.get("summary").asText()
                .startsWith("3 study sessions refused"));
        JsonNode roundTheClock = flagOf(liwan, "round-the-clock", classroom.learner().id());
        assertEquals(Set.of("study-session:" + first, "study-session:" + second), Set.copyOf(records(roundTheClock)));
        assertTrue(roundTheClock.toString(), roundTheClock.get("summary").asText().contains(span(first, second)));

        Http zhuhai = identity.staff("CITY_REGULATOR", ZHUHAI, null).http();
        List<JsonNode> nights = flags(zhuhai, "night-study");
        assertEquals(nights.toString(), List.of("inst-night-c"), nights.stream()
                .map(flag -> flag.get("institutionId").asText()).toList());
        assertEquals(ZHUHAI, nights.get(0).get("region").asText());
        assertEquals(12, records(nights.get(0)).size());
        assertTrue(nights.toString(), nights.get(0).get("summary").asText().startsWith("12 of 20 study sessions"));
        assertTrue(flags(city, "night-study").stream().noneMatch(flag -> flag.get("region").asText()
                .equals(ZHUHAI)));
        List<JsonNode> passRates = flags(zhuhai, "outlying-pass-rate");
        assertEquals(passRates.toString(), List.of("inst-pass-c"), passRates.stream()
                .map(flag -> flag.get("institutionId").asText()).toList());
        assertEquals(List.of("class:" + classroom.trainingClass()), records(passRates.get(0)));
        assertTrue(passRates.toString(), passRates.get(0).get("summary").asText().startsWith(
                "19 of 20 tested learners passed (95.0 %); the city's other institutions pass 42.5 %"));
        assertTrue(flags(city, "outlying-pass-rate").stream().noneMatch(flag -> flag.get("region").asText()
                .equals(ZHUHAI)));

        // each sees their region's only: the county its own, the city its counties', another city none of them
        Map<Http, Set<String>> sees = Map.of(liwan, Set.of(connery.id(), failing.id(), classroom.learner().id()),
                tianhe, Set.of(twin.id()), city, Set.of(connery.id(), twin.id(), failing.id(),
                        classroom.learner().id()), shenzhen, Set.of());
        Set<String> planted = Set.of(connery.id(), twin.id(), failing.id(), classroom.learner().id());
        sees.forEach((regulator, learners) -> {
            Set<String> flagged = new HashSet<>(flagged(regulator).keySet());
            flagged.retainAll(planted);
            assertEquals(learners, flagged);
        });
        assertProblem(shenzhen.get("/api/v1/supervision/flags/" + shared.get("id").asText()), 403, "forbidden");

        // dismissed by its county with a reason; looked at again, it stays dismissed and is not flagged twice
        assertProblem(tianhe.post("/api/v1/supervision/flags/" + shared.get("id").asText() + "/dismissal",
                "{\"reason\":\"同卵双胞胎，已核实\"}"), 403, "forbidden");
        Http.Reply dismissed = liwan.post("/api/v1/supervision/flags/" + shared.get("id").asText() + "/dismissal",
                "{\"reason\":\"同卵双胞胎，已核实\"}");
        assertEquals(dismissed.body(), 200, dismissed.status());
        assertEquals("DISMISSED", dismissed.json().get("status").asText());
        clock.set(Instant.now());
        assertEquals(200, city.post("/api/v1/supervision/flags/runs", "").status());
        assertEquals("DISMISSED", flagOf(liwan, "shared-face", connery.id()).get("status").asText());
        assertEquals(1, flagged(liwan).get(connery.id()).stream().filter("shared-face"::equals).count());

        Identity.Account auditor = identity.staff("AUDITOR", null, null);
        assertFalse(Identity.audit(auditor, "action=flag.run").isEmpty());
        assertFalse(Identity.audit(auditor, "action=flag.dismiss").isEmpty());
    }

    private void studyCap(Configuration study, Hashtable<String, Object> properties, String hours) throws Exception {
        study.update(properties);
        awaitConfigured("cn.anxun.ledger", "cn.anxun.ledger.internal.StudySessionsImpl", "a daily cap of " + hours,
                running -> hours.equals(String.valueOf(running.get("dailyCapHours"))));
    }

    /** A learner of the county with the reference photo, after a face check that made its template. */
    private static Identity.Account checked(Identity identity, String county, String photo, String capture) {
        ObjectNode registration = Identity.registration(IdNumbers.next(), "inst-flag-gz").put("city", GUANGZHOU)
                .put("county", county);
        registration.put("facePhoto", Base64.getEncoder().encodeToString(Photos.of(photo)));
        Identity.Account learner = identity.learner(registration);
        JsonNode checkedFace = check(learner, Photos.of(capture));
        assertEquals(checkedFace.toString(), "MATCH", checkedFace.get("decision").asText());
        return learner;
    }

    private static JsonNode check(Identity.Account learner, byte[] capture) {
        Http.Reply checked = Photos.post(learner.http(), "/api/v1/learners/" + learner.id()
                + "/face-checks?purpose=TRIAL", capture);
        assertEquals(checked.body(), 201, checked.status());
        return checked.json();
    }

    private String studyDay(String session) throws Exception {
        return sessionColumn(session, "STUDY_DAY");
    }

    private String sessionColumn(String session, String column) throws Exception {
        try (Connection connection = database().getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT " + column + " FROM STUDY_SESSION WHERE ID = '"
                        + session + "'")) {
            assertTrue(row.next());
            return row.getString(1);
        }
    }

    /**
     * The day's span as the look reports it: the earliest start and the latest heartbeat of the two sessions. It is
     * 03:10 to 19:40 as planted, unless the test runs after 19:40 China time (the replaced session beat last when
     * the second one started, now) or before 03:10 (the second one started now).
     */
    private String span(String first, String second) throws Exception {
        long start = Math.min(Long.parseLong(sessionColumn(first, "STARTEDAT")), Long.parseLong(sessionColumn(second,
                "STARTEDAT")));
        long end = Math.max(Long.parseLong(sessionColumn(first, "LASTBEATAT")), Long.parseLong(sessionColumn(second,
                "LASTBEATAT")));
        return "from " + Instant.ofEpochMilli(start).atZone(CHINA).toLocalTime().withNano(0) + " to "
                + Instant.ofEpochMilli(end).atZone(CHINA).toLocalTime().withNano(0);
    }

    private static String started(Http.Reply start) {
        assertEquals(start.body(), 201, start.status());
        return start.json().at("/session/id").asText();
    }

    /** The regulator's flag of the kind about the learner. */
    private static JsonNode flagOf(Http regulator, String kind, String learner) {
        List<JsonNode> flags = flags(regulator, kind);
        return flags.stream().filter(flag -> learner.equals(flag.get("learnerId").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " flag about " + learner + ": " + flags));
    }

    /** The regulator's flags of the kind, up to 500. */
    private static List<JsonNode> flags(Http regulator, String kind) {
        Http.Reply page = regulator.get("/api/v1/supervision/flags?limit=500&kind=" + kind);
        assertEquals(page.body(), 200, page.status());
        List<JsonNode> flags = new ArrayList<>();
        page.json().get("items").forEach(flags::add);
        return flags;
    }

    /**
     * A ten-minute study session, ended, of a learner of its own at an institution of Zhuhai, copied from a session
     * the platform made: a month of study is not waited out here.
     */
    private void planted(String session, String institution, ZonedDateTime start) throws Exception {
        long at = start.toInstant().toEpochMilli();
        String end = String.valueOf(at + 600_000);
        copied("STUDY_SESSION", "ID = '" + session + "'", Map.ofEntries(Map.entry("ID", quoted(UUID.randomUUID())),
                Map.entry("LEARNERID", quoted(UUID.randomUUID())), Map.entry("INSTITUTIONID", quoted(institution)),
                Map.entry("CITY", quoted(ZHUHAI)), Map.entry("REGION", quoted(ZHUHAI)),
                Map.entry("STATUS", "'ENDED'"), Map.entry("REASON", "'ENDED_BY_LEARNER'"),
                Map.entry("STARTEDAT", String.valueOf(at)), Map.entry("LASTBEATAT", end), Map.entry("ENDEDAT", end),
                Map.entry("STUDY_DAY", quoted(start.toLocalDate()))));
    }

    /**
     * A tested enrolment of a learner of its own at an institution of Zhuhai, copied from the classroom's: a city of
     * classes is not trained here. The feed numbers it as a new row.
     */
    private void tested(Classroom classroom, String institution, boolean passed) throws Exception {
        copied("CLASS_LEARNER", "CLASSID = '" + classroom.trainingClass() + "' AND LEARNERID = '"
                + classroom.learner().id() + "'", Map.of("LEARNERID", quoted(UUID.randomUUID()),
                        "INSTITUTIONID", quoted(institution), "CITY", quoted(ZHUHAI), "REGION", quoted(ZHUHAI),
                        "ATTEMPTS", "1", "TESTRESULT", passed ? "'PASSED'" : "'FAILED'",
                        "PASSEDAT", passed ? String.valueOf(Instant.now().toEpochMilli()) : "CAST(NULL AS BIGINT)",
                        "FEEDSEQ", "CAST(NULL AS BIGINT)", "FEEDMARK", "-1"));
    }

    /** Inserts a copy of the table's row that the condition selects, with some columns given new values. */
    private void copied(String table, String condition, Map<String, String> changed) throws Exception {
        List<String> columns = new ArrayList<>();
        try (Connection connection = database().getConnection(); Statement statement = connection.createStatement();
                ResultSet none = statement.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            for (int i = 1; i <= none.getMetaData().getColumnCount(); i++) {
                columns.add(none.getMetaData().getColumnName(i).toUpperCase(Locale.ROOT));
            }
        }
        assertTrue(columns + " lack " + changed.keySet(), columns.containsAll(changed.keySet()));
        execute("INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + columns.stream()
                .map(column -> changed.getOrDefault(column, column)).collect(Collectors.joining(", "))
                + " FROM " + table + " WHERE " + condition);
    }

    private static String quoted(Object value) {
        return "'" + value + "'";
    }

    /** Every flag the regulator lists, page by page: the kinds flagged of each learner. */
    private static Map<String, List<String>> flagged(Http regulator) {
        Map<String, List<String>> kinds = new HashMap<>();
        String after = null;
        do {
            Http.Reply page = regulator.get("/api/v1/supervision/flags?limit=20"
                    + (after == null ? "" : "&after=" + after));
            assertEquals(page.body(), 200, page.status());
            page.json().get("items").forEach(flag -> kinds.computeIfAbsent(flag.get("learnerId").asText(),
                    learner -> new ArrayList<>()).add(flag.get("kind").asText()));
            after = page.json().get("next").isNull() ? null : page.json().get("next").asText();
        } while (after != null);
        return kinds;
    }

    private static List<String> records(JsonNode flag) {
        List<String> records = new ArrayList<>();
        flag.get("records").forEach(record -> records.add(record.asText()));
        return records;
    }
}
