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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Suspicious patterns planted in two counties of Guangzhou: one face registered under two ID numbers, a
 * learner studying from two login sessions at once and around the clock, and a learner whose face checks fail again
 * and again. A look at the records flags each for the regulators of the learner's region, with the records that show
 * it, and nobody else.
 */
public class FlagsIT extends SharedPlatformTestSupport {

    private static final String GUANGZHOU = "440100";
    private static final String LIWAN = "440103";
    private static final String TIANHE = "440106";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

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

        assertProblem(identity.staff("INSTITUTION_ADMIN", null, "inst-flag-gz").http().post(
                "/api/v1/supervision/flags/runs", ""), 403, "forbidden");
        clock.set(Instant.now());
        Http.Reply run = city.post("/api/v1/supervision/flags/runs", "");
        assertEquals(run.body(), 200, run.status());
        assertTrue(run.body(), run.json().at("/found/shared-face").asInt() >= 2);
        assertTrue(run.body(), run.json().at("/found/two-places").asInt() >= 1);
        assertTrue(run.body(), run.json().at("/found/face-failures").asInt() >= 1);
        assertTrue(run.body(), run.json().at("/found/round-the-clock").asInt() >= 1);
        assertTrue("the institutions' pass rates are weighed too: " + run.body(), run.json().at("/found")
                .has("outlying-pass-rate"));

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
        JsonNode roundTheClock = flagOf(liwan, "round-the-clock", classroom.learner().id());
        assertEquals(Set.of("study-session:" + first, "study-session:" + second), Set.copyOf(records(roundTheClock)));
        assertTrue(roundTheClock.toString(), roundTheClock.get("summary").asText().contains("from 03:10 to 19:40"));

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
        try (Connection connection = database().getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT STUDY_DAY FROM STUDY_SESSION WHERE ID = '" + session
                        + "'")) {
            assertTrue(row.next());
            return row.getString(1);
        }
    }

    private static String started(Http.Reply start) {
        assertEquals(start.body(), 201, start.status());
        return start.json().at("/session/id").asText();
    }

    /** The regulator's flag of the kind about the learner. */
    private static JsonNode flagOf(Http regulator, String kind, String learner) {
        Http.Reply page = regulator.get("/api/v1/supervision/flags?limit=500&kind=" + kind);
        assertEquals(page.body(), 200, page.status());
        for (JsonNode flag : page.json().get("items")) {
            if (learner.equals(flag.get("learnerId").asText())) {
                return flag;
            }
        }
        throw new AssertionError("no " + kind + " flag about " + learner + ": " + page.body());
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
