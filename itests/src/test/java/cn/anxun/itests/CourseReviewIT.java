package cn.anxun.itests;

import static cn.anxun.itests.Problems.assertProblem;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The review of a course from upload to online and a takedown, against the running distribution. */
public class CourseReviewIT extends SharedPlatformTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration VALIDATION = Duration.ofSeconds(60);
    static final String DECLARATIONS = "{\"content\":true,\"copyright\":true,"
            + "\"copyrightHolder\":\"广州安培职业培训学校\"}";
    private static final List<String> ASPECTS = List.of("CONTENT", "FORM", "IDEOLOGY", "FORMAT", "QUALITY",
            "COPYRIGHT");


    @Inject
    private ConfigurationAdmin configurations;

    private Identity identity;

    @Before
    public void identity() throws Exception {
        identity = new Identity(http);
        Identity.cityInstalled(bundleContext, http, "guangzhou", "440100");
    }

    @Test
    public void aCourseGoesFromUploadThroughReviewOnlineAndIsTakenDown() {
        Http staff = identity.staff("INSTITUTION_ADMIN", null, "inst-review-1").http();
        byte[] video = MediaFiles.of(MediaFiles.GOOD);
        String course = course(staff, "inst-review-1", video, "low-voltage-electrician");
        String path = "/api/v1/courses/" + course;
        String media = staff.get(path).json().get("units").get(0).get("media").asText();

        JsonNode undeclared = assertProblem(staff.post(path + "/submission", "{\"content\":true}"), 422,
                "invalid-input");
        assertEquals(Set.of("copyright=declaration", "copyrightHolder=required"), rules(undeclared));
        assertEquals("IN_REVIEW", staff.post(path + "/submission", DECLARATIONS).json().get("status").asText());
        assertProblem(staff.method("PUT", path, draft(List.of(unit(media)))), 409, "conflict");

        Http operator = identity.staff("OPERATOR", null, null).http();
        assertTrue(ids(operator.get("/api/v1/courses?status=IN_REVIEW").json()).contains(course));
        JsonNode returned = operator.post(path + "/decisions", "{\"decision\":\"RETURN\",\"aspects\":{\"FORMAT\":"
                + "{\"passed\":false,\"note\":\"片头缺少课程名称\"}}}").json();
        assertEquals("RETURNED", returned.get("status").asText());
        assertEquals("REVISE", staff.method("PUT", path, draft(List.of(unit(media)))).json().get("history").get(2)
                .get("action").asText());
        staff.post(path + "/submission", DECLARATIONS);
        assertProblem(operator.post(path + "/decisions", "{\"decision\":\"APPROVE\",\"aspects\":{}}"), 422,
                "invalid-input");
        assertEquals("ONLINE", operator.post(path + "/decisions", approval()).json().get("status").asText());

        Http learner = identity.learner(Identity.registration(IdNumbers.next(), null)).http();
        assertEquals(200, learner.get(path).status());
        Http.Reply part = learner.exchange("GET", path + "/units/1/content", Map.of("Range", "bytes=100-199"), null);
        assertEquals(206, part.status());
        assertArrayEquals(Arrays.copyOfRange(video, 100, 200), part.bytes());

        assertProblem(identity.staff("CITY_REGULATOR", "440300", null).http().post(path + "/spot-checks",
                "{\"text\":\"课程内容与大纲一致\"}"), 403, "forbidden");
        Http province = identity.staff("PROVINCE_REGULATOR", "440000", null).http();
        assertEquals("ONLINE", province.post(path + "/spot-checks", "{\"text\":\"第一课画面清晰，内容与大纲一致\"}")
                .json().get("status").asText());
        assertProblem(province.post(path + "/takedown", "{}"), 422, "invalid-input");
        JsonNode takenDown = province.post(path + "/takedown", "{\"text\":\"学员反映第一课声音过小\"}").json();
        assertEquals("TAKEN_DOWN", takenDown.get("status").asText());
        assertEquals(List.of("SUBMIT", "RETURN", "REVISE", "SUBMIT", "APPROVE", "SPOT_CHECK", "TAKE_DOWN"),
                actions(takenDown));
        assertEquals("学员反映第一课声音过小", takenDown.get("history").get(6).get("reason").asText());
        assertEquals("PROVINCE_REGULATOR", takenDown.get("history").get(6).get("role").asText());
        assertProblem(learner.get(path), 403, "forbidden");
        List<String> audited = new ArrayList<>();
        Identity.audit(identity.staff("AUDITOR", null, null), "target=course:" + course).forEach(
                row -> audited.add(row.get("action").asText() + " " + row.get("outcome").asText()));
        assertTrue(audited.toString(), audited.containsAll(List.of("course.created success", "course.submit success",
                "course.return success", "course.updated success", "course.approve success",
                "course.inspect denied", "course.spot-check success", "course.take-down success")));
    }

    @Test
    public void aUnitWithABlockingFindingOrHoursBeyondTheProgrammeKeepTheCourseFromReview() {
        Http staff = identity.staff("INSTITUTION_STAFF", null, "inst-review-2").http();
        String blurred = course(staff, "inst-review-2", MediaFiles.of("blurred.mp4"), "low-voltage-electrician");
        JsonNode refused = assertProblem(staff.post("/api/v1/courses/" + blurred + "/submission", DECLARATIONS),
                422, "invalid-input");
        assertEquals(Set.of("units[0]=blocking-findings"), rules(refused));
        assertTrue(refused.toString().contains("blurred"));

        Http operator = identity.staff("OPERATOR", null, null).http();
        assertEquals(201, operator.post("/api/v1/programmes", "{\"code\":\"one-hour-briefing\",\"name\":\"一学时"
                + "安全告知\",\"category\":\"SAFETY_MANAGER\",\"industry\":\"金属冶炼\",\"kind\":\"INITIAL\","
                + "\"theoryHours\":1}").status());
        String tooLong = course(staff, "inst-review-2", MediaFiles.of(MediaFiles.GOOD), "one-hour-briefing");
        assertEquals(Set.of("programmes[0]=course-hours"), rules(assertProblem(staff.post("/api/v1/courses/"
                + tooLong + "/submission", DECLARATIONS), 422, "invalid-input")));
        assertEquals("DRAFT", staff.get("/api/v1/courses/" + tooLong).json().get("status").asText());
    }

    @Test
    public void learnersRateAnOnlineCourseAndItsTeacherAndAFilteredCommentIsHeldBack() throws Exception {
        Configuration feedback = configurations.getConfiguration("cn.anxun.feedback", null);
        Dictionary<String, Object> shipped = feedback.getProperties();
        feedback.update(new Hashtable<>(Map.of("lowSatisfactionThreshold", "3.0", "minimumRatings", "2")));
        try {
            Http staff = identity.staff("INSTITUTION_ADMIN", null, "inst-review-3").http();
            String course = course(staff, "inst-review-3", MediaFiles.of(MediaFiles.GOOD), "low-voltage-electrician");
            String path = "/api/v1/courses/" + course;
            Http operator = identity.staff("OPERATOR", null, null).http();
            Http first = identity.learner(Identity.registration(IdNumbers.next(), null)).http();
            assertProblem(first.post(path + "/ratings", "{\"score\":5}"), 409, "conflict");
            staff.post(path + "/submission", DECLARATIONS);
            operator.post(path + "/decisions", approval());

            JsonNode kept = first.post(path + "/ratings", "{\"score\":2,\"teachers\":{\"李老师\":3},"
                    + "\"comment\":\"讲解太快，跟不上\"}").json();
            assertTrue(kept.get("commentShown").asBoolean());
            Http second = identity.learner(Identity.registration(IdNumbers.next(), null)).http();
            JsonNode held = second.post(path + "/ratings", "{\"score\":1,\"comment\":\"专业代 学刷课，加我\"}").json();
            assertEquals("held back by the keyword filter", false, held.get("commentShown").asBoolean());
            assertEquals(Set.of("score=score-range", "teachers.王老师=course-teacher"), rules(assertProblem(second.post(
                    path + "/ratings", "{\"score\":9,\"teachers\":{\"王老师\":5}}"), 422, "invalid-input")));
            for (String contact : List.of("有问题加微信 zs_abc123", "电话 020-83139395", "tel:13800138000")) {
                assertEquals(contact, Set.of("comment=no-contact-data"), rules(assertProblem(second.post(path
                        + "/ratings", "{\"score\":3,\"comment\":\"" + contact + "\"}"), 422, "invalid-input")));
            }

            JsonNode summary = second.get(path + "/feedback").json();
            assertEquals(2, summary.get("ratings").asInt());
            assertEquals(1.5, summary.get("average").asDouble(), 0.001);
            assertEquals(3.0, summary.get("teachers").get("李老师").asDouble(), 0.001);
            assertEquals("only the comment the filter passed", 1, summary.get("comments").size());
            assertTrue(summary.get("lowSatisfaction").asBoolean());
            assertTrue(ids(operator.get("/api/v1/low-satisfaction-courses").json(), "courseId").contains(course));
            assertTrue(ids(staff.get("/api/v1/low-satisfaction-courses").json(), "courseId").contains(course));
            assertEquals(0, identity.staff("INSTITUTION_ADMIN", null, "inst-review-4").http()
                    .get("/api/v1/low-satisfaction-courses").json().size());
            // regulators see the courses of institutions in their region: one registered nowhere is the province's
            assertTrue(ids(identity.staff("PROVINCE_REGULATOR", "440000", null).http()
                    .get("/api/v1/low-satisfaction-courses").json(), "courseId").contains(course));
            assertFalse(ids(identity.staff("CITY_REGULATOR", "440100", null).http()
                    .get("/api/v1/low-satisfaction-courses").json(), "courseId").contains(course));
            assertEquals(1, Identity.audit(identity.staff("AUDITOR", null, null), "target=course:" + course
                    + "&action=course.low-satisfaction").size());
        } finally {
            feedback.update(shipped);
        }
    }

    /** A course of one video unit, created once the validators have read the video. */
    private static String course(Http staff, String institution, byte[] video, String programme) {
        String media = MediaFiles.upload(staff, institution, "第一课.mp4", video).get("id").asText();
        MediaFiles.validated(staff, media, VALIDATION);
        ObjectNode course = (ObjectNode) read(draft(List.of(unit(media))));
        course.putArray("programmes").add(programme);
        Http.Reply created = staff.post("/api/v1/institutions/" + institution + "/courses", course.toString());
        assertEquals(created.body(), 201, created.status());
        return created.json().get("id").asText();
    }

    private static String draft(List<ObjectNode> units) {
        ObjectNode course = JSON.createObjectNode();
        course.put("title", "低压电工作业安全技术");
        course.putArray("programmes").add("low-voltage-electrician");
        course.putArray("teachers").add("李老师");
        units.forEach(course.putArray("units")::add);
        return course.toString();
    }

    private static ObjectNode unit(String media) {
        ObjectNode unit = JSON.createObjectNode();
        unit.put("title", "第一课 验电");
        unit.put("type", "VIDEO");
        unit.put("media", media);
        return unit;
    }

    static String approval() {
        ObjectNode aspects = JSON.createObjectNode();
        ASPECTS.forEach(aspect -> aspects.putObject(aspect).put("passed", true));
        ObjectNode decision = JSON.createObjectNode();
        decision.put("decision", "APPROVE");
        decision.set("aspects", aspects);
        return decision.toString();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Set<String> ids(JsonNode courses) {
        return ids(courses, "id");
    }

    private static Set<String> ids(JsonNode courses, String field) {
        Set<String> ids = new TreeSet<>();
        courses.forEach(c -> ids.add(c.get(field).asText()));
        return ids;
    }

    private static List<String> actions(JsonNode course) {
        List<String> actions = new ArrayList<>();
        course.get("history").forEach(step -> actions.add(step.get("action").asText()));
        return actions;
    }

    private static Set<String> rules(JsonNode problem) {
        Set<String> rules = new TreeSet<>();
        problem.get("errors").forEach(e -> rules.add(e.get("field").asText() + "=" + e.get("rule").asText()));
        return rules;
    }
}
