package cn.anxun.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.Map;

import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.anxun.ledger.proof.StudyHours;

/**
 * A learner studies a real course end to end on a clock the test moves: every answer's
 * pending time is checked against the rules as the test applies them, and at the end exactly the seconds they
 * credit are in the ledger, proved against a signed checkpoint; an entry edited in the database is caught.
 */
public class StudyIT extends AnxunTestSupport {

    /** dailyCapHours 0.2: 0.2 × 45 minutes. */
    private static final long CAP = 540;
    /** What the last session of the online-hours test may credit before the class's online hours are reached. */
    private static final long LEFT = 240;

    @Configuration
    @Override
    public Option[] configuration() {
        List<Option> options = new ArrayList<>(List.of(super.configuration()));
        options.add(LedgerVerifier.jar());
        // the test's captures are shifted copies of one photo (0.989 to 0.997 alike): the rules of a session are
        // under test here, replays in FaceIT
        options.add(editConfigurationFilePut("etc/cn.anxun.face.cfg", "replaySimilarity", "0.999"));
        Map.of("faceCheckMinMinutes", "3", "faceCheckMaxMinutes", "3", "faceCheckGraceSeconds", "60",
                "idlePromptMinutes", "1", "idleAnswerSeconds", "60", "dailyCapHours", "0.2")
                .forEach((key, value) -> options.add(editConfigurationFilePut("etc/cn.anxun.study.cfg", key, value)));
        return options.toArray(new Option[0]);
    }

    @Test
    public void aLearnerStudiesACourseUnderEveryRuleAndTheLedgerProvesExactlyTheCreditedSeconds() throws Exception {
        Identity identity = new Identity(http);
        Identity.cityInstalled(bundleContext, http, "guangzhou", "440100");
        Classroom classroom = Classroom.open(identity, "inst-study-1");
        Http admin = classroom.admin();
        Identity.Account operator = classroom.operator();
        String course = classroom.course();
        ObjectNode registration = classroom.registration();
        Identity.Account learner = classroom.learner();
        String trainingClass = classroom.trainingClass();
        Identity.Account stranger = identity.learner(Identity.registration(IdNumbers.next(), "inst-study-1"));

        MovableClock clock = onMovableClock("cn.anxun.ledger");
        Student student = new Student(learner.http(), clock, trainingClass, course, CAP);
        assertProblemStatus(403, Photos.post(stranger.http(), classroom.studyStart(), Photos.variant(Photos.CAGE, 0)));
        student.start();
        assertProblemStatus(403, stranger.http().post("/api/v1/study-sessions/" + student.session + "/heartbeats",
                "{\"unit\":1,\"position\":30,\"visible\":true,\"interacted\":true}"));

        // a face check passed on time credits the segment since the start
        student.beatUntilFaceCheck();
        student.pass();
        assertEquals(1, student.expected.size());
        // one passed late: the time since the last check is void, the pass resumes
        student.beatUntilFaceCheck();
        clock.advance(Duration.ofSeconds(90));
        student.lateCapture();
        // a skip ahead earns nothing and is sent back
        student.beat(true);
        student.skipAhead();
        // one failed, then passed: void again
        student.beatUntilFaceCheck();
        student.fail();
        student.resume();
        // idle: a prompt, no answer, a pause; the next pass credits the time up to the prompt
        student.idleUntilPaused();
        student.resume();
        // a second login starts a session elsewhere: the first ends, and says why
        String first = student.session;
        Http firstDevice = student.http;
        Identity.Account again = identity.login("{\"idNumber\":\"" + registration.get("idNumber").asText()
                + "\",\"password\":\"" + Identity.LEARNER_PASSWORD + "\"}");
        student.http = again.http();
        JsonNode replacing = student.start();
        assertEquals(first, replacing.get("session").get("replaced").asText());
        JsonNode told = firstDevice.post("/api/v1/study-sessions/" + first + "/heartbeats",
                "{\"unit\":1,\"position\":0,\"visible\":true,\"interacted\":true}").json();
        assertEquals("STOP", told.get("action").asText());
        assertEquals("REPLACED", told.get("session").get("reason").asText());
        // the daily cap: the last check closes the day
        JsonNode stopped = student.studyUntilStopped();
        assertEquals("DAILY_CAP_REACHED", stopped.get("session").get("reason").asText());
        assertEquals(CAP, student.credited);
        assertProblemStatus(409, Photos.post(student.http, classroom.studyStart(), student.nextCapture()));

        JsonNode progress = admin.get("/api/v1/classes/" + trainingClass + "/progress").json();
        assertEquals(CAP, progress.get(0).get("creditedSeconds").asLong());
        assertEquals("0.2", progress.get(0).get("hours").asText());

        Http.Reply signed = operator.http().post("/api/v1/ledger/checkpoints", "");
        assertEquals(signed.body(), 200, signed.status());
        Http.Reply record = learner.http().get("/api/v1/learners/" + learner.id() + "/ledger");
        LedgerVerifier.Verification verified = verify(record.body());
        assertEquals(verified.output(), 0, verified.status());
        List<String> actual = new ArrayList<>();
        record.json().get("entries").forEach(entry -> actual.add(Student.describe(entry.get("entry"))));
        actual.sort(null);
        student.expected.sort(null);
        assertEquals(student.expected, actual);
        assertEquals(CAP, record.json().get("totals").get(0).get("creditedSeconds").asLong());

        String edited = record.json().get("entries").get(0).get("entry").get("id").asText();
        execute("UPDATE LEDGER_ENTRY SET CREDITEDSECONDS = CREDITEDSECONDS + 900 WHERE ID = '" + edited + "'");
        try {
            JsonNode selfCheck = operator.http().post("/api/v1/ledger/self-check", "").json();
            assertEquals(selfCheck.toString(), 1, selfCheck.get("mismatches").size());
            assertTrue(selfCheck.toString(), selfCheck.get("mismatches").get(0).asText().contains(edited));
            Http.Reply ready = http.get("/api/v1/health/ready");
            assertEquals(503, ready.status());
            assertTrue(ready.body(), ready.body().contains(edited));
            LedgerVerifier.Verification caught = verify(learner.http().get("/api/v1/learners/" + learner.id()
                    + "/ledger").body());
            assertEquals(caught.output(), 1, caught.status());
            assertTrue(caught.output(), caught.output().contains("FAILED entry " + edited));
        } finally {
            execute("UPDATE LEDGER_ENTRY SET CREDITEDSECONDS = CREDITEDSECONDS - 900 WHERE ID = '" + edited + "'");
        }
        assertEquals(0, operator.http().post("/api/v1/ledger/self-check", "").json().get("mismatches").size());
    }

    @Test
    public void creditInAClassStopsAtItsProgrammesOnlineHours() throws Exception {
        Identity identity = new Identity(http);
        Identity.cityInstalled(bundleContext, http, "guangzhou", "440100");
        Classroom classroom = Classroom.open(identity, "inst-study-3");
        String second = Classroom.onlineCourse(classroom.admin(), classroom.operator().http(), "inst-study-3");
        String trainingClass = Classroom.openClass(classroom.admin(), "inst-study-3",
                List.of(classroom.course(), second), classroom.learner().id());
        Http learner = classroom.learner().http();
        MovableClock clock = onMovableClock("cn.anxun.ledger");

        // a first segment in one course; the operator then credits all but the last 240 s of the online hours
        Student first = new Student(learner, clock, trainingClass, classroom.course(), CAP);
        first.start();
        first.beatUntilFaceCheck();
        first.pass();
        JsonNode entry = learner.get("/api/v1/learners/" + classroom.learner().id() + "/ledger").json()
                .get("entries").get(0).get("entry");
        assertEquals(trainingClass, entry.get("classId").asText());
        long online = classroom.admin().get("/api/v1/classes/" + trainingClass).json().get("onlineHours").asLong()
                * StudyHours.SECONDS_PER_HOUR;
        Http.Reply corrected = classroom.operator().http().post("/api/v1/ledger/entries/" + entry.get("id").asText()
                + "/corrections", "{\"seconds\":" + (online - first.credited - LEFT) + ",\"reason\":\"线下核实\"}");
        assertEquals(corrected.body(), 201, corrected.status());

        // the other course earns the rest, well within the daily cap; the last check ends the session
        Student rest = new Student(learner, clock, trainingClass, second, LEFT);
        rest.start();
        JsonNode stopped = rest.studyUntilStopped();
        assertEquals("ONLINE_HOURS_REACHED", stopped.get("session").get("reason").asText());
        assertEquals(LEFT, rest.credited);
        assertTrue(stopped.toString(), stopped.get("todaySeconds").asLong() < CAP);
        JsonNode refused = Problems.assertProblem(Photos.post(learner, "/api/v1/classes/" + trainingClass
                + "/courses/" + classroom.course() + "/study-sessions", rest.nextCapture()), 409, "conflict");
        assertTrue(refused.toString(), refused.get("detail").asText().contains("online hours"));

        JsonNode progress = classroom.admin().get("/api/v1/classes/" + trainingClass + "/progress").json().get(0);
        assertEquals(online, progress.get("creditedSeconds").asLong());
        assertTrue(progress.toString(), progress.get("completed").asBoolean());
    }

    @Test
    public void aClassNamesEveryBrokenRuleAndNobodyStudiesWhileItsInstitutionIsSuspended() throws Exception {
        Identity identity = new Identity(http);
        Identity.cityInstalled(bundleContext, http, "guangzhou", "440100");
        Classroom classroom = Classroom.open(identity, "inst-study-2");
        String broken = "{\"name\":\"初训班\",\"city\":\"440300\",\"programme\":\"no-such-programme\","
                + "\"courses\":[\"" + classroom.course() + "\",\"no-such-course\"],\"startsOn\":\"2026-03-01\","
                + "\"endsOn\":\"2026-02-01\"}";
        JsonNode refused = Problems.assertProblem(classroom.admin().post("/api/v1/institutions/inst-study-2/classes",
                broken), 422, "invalid-input");
        Set<String> rules = new TreeSet<>();
        refused.get("errors").forEach(error -> rules.add(error.get("field").asText() + "="
                + error.get("rule").asText()));
        assertEquals(Set.of("city=registered-city", "programme=current-programme", "courses=own-course",
                "endsOn=date-range"), rules);
        Http.Reply started = Photos.post(classroom.learner().http(), classroom.studyStart(),
                Photos.variant(Photos.CAGE_AGAIN, 100));
        assertEquals(started.body(), 201, started.status());
        String session = started.json().get("session").get("id").asText();

        Http.Reply suspended = classroom.regulator().http().post("/api/v1/registrations/"
                + classroom.institutionRegistration() + "/decisions", "{\"action\":\"SUSPEND\",\"reason\":\"整改\"}");
        assertEquals(suspended.body(), 200, suspended.status());
        JsonNode check = Problems.assertProblem(Photos.post(classroom.learner().http(), "/api/v1/study-sessions/"
                + session + "/face-checks", Photos.variant(Photos.CAGE_AGAIN, 102)), 409, "conflict");
        assertTrue(check.toString(), check.get("detail").asText().contains("suspended or revoked"));
        Problems.assertProblem(Photos.post(classroom.learner().http(), classroom.studyStart(),
                Photos.variant(Photos.CAGE_AGAIN, 101)), 409, "conflict");
    }

    /** Runs the standalone verifier, as a regulator would, on a record, the public checkpoint and the key. */
    private LedgerVerifier.Verification verify(String record) throws Exception {
        return LedgerVerifier.record(record.getBytes(StandardCharsets.UTF_8), http,
                http.get("/api/v1/ledger/key").body());
    }

    private static void assertProblemStatus(int status, Http.Reply reply) {
        assertEquals(reply.body(), status, reply.status());
    }
}
