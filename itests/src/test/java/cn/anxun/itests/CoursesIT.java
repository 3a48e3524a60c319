package cn.anxun.itests;

import static cn.anxun.itests.Problems.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Institutions' courses of video, audio and text units against the running distribution. */
public class CoursesIT extends SharedPlatformTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEXT = "低压电工作业安全技术要求：" + "作业前必须验电、挂接地线、悬挂标示牌。".repeat(40);

    private Identity identity;

    @Before
    public void identity() {
        identity = new Identity(http);
    }

    @Test
    public void aCourseHoldsVideoAndTextUnitsAndTheirReadingTime() {
        Http staff = identity.staff("INSTITUTION_STAFF", null, "inst-course-1").http();
        String video = MediaFiles.upload(staff, "inst-course-1", "第一课.mp4", MediaFiles.of(MediaFiles.GOOD))
                .get("id").asText();
        String picture = MediaFiles.upload(staff, "inst-course-1", "接地.png", MediaFiles.of(MediaFiles.PICTURE))
                .get("id").asText();

        Http.Reply created = staff.post("/api/v1/institutions/inst-course-1/courses", course(
                unit("第一课 验电", "VIDEO", video), textUnit("第二课 接地", picture)).toString());
        assertEquals(created.body(), 201, created.status());
        JsonNode course = created.json();
        assertEquals("DRAFT", course.get("status").asText());
        assertEquals("low-voltage-electrician", course.get("programmes").get(0).get("code").asText());
        assertEquals(70, course.get("programmes").get(0).get("onlineHours").asInt());
        JsonNode text = course.get("units").get(1);
        long characters = TEXT.codePoints().filter(c -> !Character.isWhitespace(c)).count();
        assertEquals("characters at 400 a minute, and 20 s for the picture", (characters * 60 + 399) / 400 + 20,
                seconds(text.get("duration")));

        String id = course.get("id").asText();
        assertEquals(id, staff.get("/api/v1/institutions/inst-course-1/courses").json().get(0).get("id").asText());
        assertEquals(200, identity.staff("OPERATOR", null, null).http().get("/api/v1/courses/" + id).status());
        assertProblem(identity.staff("INSTITUTION_ADMIN", null, "inst-course-2").http()
                .get("/api/v1/courses/" + id), 403, "forbidden");
        JsonNode updated = staff.method("PUT", "/api/v1/courses/" + id, course(textUnit("唯一一课", picture))
                .put("title", "低压电工作业（初训）理论").toString()).json();
        assertEquals("低压电工作业（初训）理论", updated.get("title").asText());
        assertEquals(1, updated.get("units").size());
        assertEquals(1, Identity.audit(identity.staff("AUDITOR", null, null), "target=course:" + id
                + "&action=course.updated").size());
    }

    @Test
    public void mediaNoValidatorReadsBlockTheUnitWithAnAnswerWhatToDo() {
        Http staff = identity.staff("INSTITUTION_ADMIN", null, "inst-course-3").http();
        JsonNode webm = MediaFiles.upload(staff, "inst-course-3", "lesson.webm", MediaFiles.of(MediaFiles.WEBM));
        assertEquals("video/webm", webm.get("mediaType").asText());
        JsonNode course = staff.post("/api/v1/institutions/inst-course-3/courses", course(unit("一", "VIDEO",
                webm.get("id").asText())).toString()).json();
        JsonNode finding = course.get("units").get(0).get("findings").get(0);
        assertEquals("no-validator", finding.get("code").asText());
        assertEquals("BLOCKING", finding.get("severity").asText());
        assertTrue(finding.get("message").asText().contains("H.264/AAC"));
        assertTrue("a duration nothing measured is not guessed", course.get("units").get(0).get("duration").isNull());
    }

    @Test
    public void practicalTrainingAndForeignOrMismatchedMediaAreNotUnits() {
        Http staff = identity.staff("INSTITUTION_STAFF", null, "inst-course-4").http();
        String video = MediaFiles.upload(staff, "inst-course-4", "v.mp4", MediaFiles.of(MediaFiles.GOOD))
                .get("id").asText();
        Http other = identity.staff("INSTITUTION_STAFF", null, "inst-course-5").http();
        String foreign = MediaFiles.upload(other, "inst-course-5", "p.png", MediaFiles.of(MediaFiles.PICTURE))
                .get("id").asText();

        ObjectNode draft = course(unit("实操：停送电", "PRACTICAL", video), unit("录音", "AUDIO", video),
                textUnit("图文", foreign));
        ((ArrayNode) draft.get("programmes")).add("no-such-programme");
        JsonNode refused = assertProblem(staff.post("/api/v1/institutions/inst-course-4/courses",
                draft.toString()), 422, "invalid-input");
        assertEquals(Set.of("units[0].type=practical-not-online"), rules(refused));

        draft.set("units", JSON.createArrayNode().add(unit("录音", "AUDIO", video)).add(textUnit("图文", foreign)));
        assertEquals(Set.of("programmes[1]=programme-current", "units[0].media=media-kind",
                "units[1].pictures[0]=media-of-institution"), rules(assertProblem(staff.post(
                        "/api/v1/institutions/inst-course-4/courses", draft.toString()), 422, "invalid-input")));
        assertEquals(0, staff.get("/api/v1/institutions/inst-course-4/courses").json().size());
        assertFalse(staff.get("/api/v1/institutions/inst-course-4/courses").body().contains("录音"));
    }

    @Test
    public void aListOfTenCoursesTakesAsManyStatementsAsAListOfOne() throws Exception {
        Http staff = identity.staff("INSTITUTION_STAFF", null, "inst-course-list").http();
        String video = MediaFiles.upload(staff, "inst-course-list", "v.mp4", MediaFiles.of(MediaFiles.GOOD))
                .get("id").asText();
        String picture = MediaFiles.upload(staff, "inst-course-list", "p.png", MediaFiles.of(MediaFiles.PICTURE))
                .get("id").asText();
        MediaFiles.validated(staff, video, Duration.ofSeconds(60));
        MediaFiles.validated(staff, picture, Duration.ofSeconds(60));
        String path = "/api/v1/institutions/inst-course-list/courses";
        String draft = course(unit("一", "VIDEO", video), textUnit("二", picture), unit("三", "VIDEO", video))
                .toString();
        try (Statements statements = new Statements(bundleContext)) {
            assertEquals(201, staff.post(path, draft).status());
            int one = statements.of(() -> assertEquals(1, staff.get(path).json().size()));
            for (int i = 0; i < 9; i++) {
                assertEquals(201, staff.post(path, draft).status());
            }
            int ten = statements.of(() -> assertEquals(10, staff.get(path).json().size()));
            assertTrue("statements for one course: " + one, one > 0);
            assertEquals("statements for ten courses as for one", one, ten);
        }
    }

    private static ObjectNode course(ObjectNode... units) {
        ObjectNode course = JSON.createObjectNode();
        course.put("title", "低压电工作业理论");
        course.put("description", "初训理论部分");
        course.putArray("programmes").add("low-voltage-electrician");
        course.putArray("teachers").add("张老师");
        ArrayNode list = course.putArray("units");
        for (ObjectNode unit : units) {
            list.add(unit);
        }
        return course;
    }

    private static ObjectNode unit(String title, String type, String media) {
        ObjectNode unit = JSON.createObjectNode();
        unit.put("title", title);
        unit.put("type", type);
        unit.put("media", media);
        return unit;
    }

    private static ObjectNode textUnit(String title, String picture) {
        ObjectNode unit = JSON.createObjectNode();
        unit.put("title", title);
        unit.put("type", "TEXT");
        unit.put("text", TEXT);
        unit.putArray("pictures").add(picture);
        return unit;
    }

    private static Set<String> rules(JsonNode problem) {
        Set<String> rules = new HashSet<>();
        problem.get("errors").forEach(e -> rules.add(e.get("field").asText() + "=" + e.get("rule").asText()));
        return rules;
    }

    /** A duration as the API writes it, in seconds. */
    private static long seconds(JsonNode duration) {
        return duration.isNumber() ? duration.asLong() : java.time.Duration.parse(duration.asText()).toSeconds();
    }
}
