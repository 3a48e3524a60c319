package cn.anxun.itests;

import static org.junit.Assert.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A class ready to study, made through the web API: an institution registered in a city (440100 unless named), an
 * online course of one ten-minute video unit for low-voltage electricians, a class of it running today, and one
 * learner enrolled.
 */
record Classroom(Http admin, Identity.Account operator, String course, ObjectNode registration,
        Identity.Account learner, String trainingClass, Identity.Account regulator, String institutionRegistration) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** Needs the 440100 city module installed. */
    static Classroom open(Identity identity, String institution) {
        return open(identity, institution, "440100", "440103");
    }

    /** In a city whose module is installed, its learner in one of its counties. */
    static Classroom open(Identity identity, String institution, String city, String county) {
        Registered registered = Registered.in(identity, institution, city);
        Http admin = registered.admin().http();
        Identity.Account operator = identity.staff("OPERATOR", null, null);
        String course = onlineCourse(admin, operator.http(), institution);
        ObjectNode registration = Identity.registration(IdNumbers.next(), institution).put("city", city)
                .put("county", county);
        Identity.Account learner = identity.learner(registration);
        return new Classroom(admin, operator, course, registration, learner,
                openClass(admin, institution, city, List.of(course), learner.id()), registered.regulator(),
                registered.registration());
    }

    /** An institution registered in a city by its regulator, from its entry in the city's offline register on. */
    record Registered(Identity.Account regulator, Identity.Account admin, String registration) {

        static Registered in(Identity identity, String institution, String city) {
            Identity.Account regulator = identity.staff("CITY_REGULATOR", city, null);
            String creditCode = CreditCodes.next();
            Http.Reply listed = regulator.http().post("/api/v1/cities/" + city + "/offline-institutions",
                    RegistrationsIT.entry("某安全培训学校", creditCode));
            assertEquals(listed.body(), 201, listed.status());
            Identity.Account admin = identity.staff("INSTITUTION_ADMIN", null, institution);
            String registered = RegistrationsIT.submit(admin, city, creditCode, RegistrationsIT.upload(admin,
                    RegistrationsIT.pdf("Intent"))).get("id").asText();
            Http.Reply approved = RegistrationsIT.decide(regulator, registered, "APPROVE", null);
            assertEquals(approved.body(), 200, approved.status());
            return new Registered(regulator, admin, registered);
        }
    }

    /** The path that starts a study session. */
    String studyStart() {
        return "/api/v1/classes/" + trainingClass + "/courses/" + course + "/study-sessions";
    }

    /** A ten-minute video course of the institution, reviewed and online. */
    static String onlineCourse(Http admin, Http operator, String institution) {
        return onlineCourse(admin, operator, institution, MediaFiles.TEN_MINUTES);
    }

    /** A course of one unit, the video of the test media named, reviewed and online. */
    static String onlineCourse(Http admin, Http operator, String institution, String video) {
        String id = courseInReview(admin, institution, video);
        assertEquals("ONLINE", operator.post("/api/v1/courses/" + id + "/decisions", CourseReviewIT.approval())
                .json().get("status").asText());
        return id;
    }

    /** A course of one unit, the video of the test media named, submitted for review. */
    static String courseInReview(Http admin, String institution, String video) {
        String media = MediaFiles.upload(admin, institution, "第一课.mp4", MediaFiles.of(video)).get("id").asText();
        MediaFiles.validated(admin, media, Duration.ofSeconds(120));
        ObjectNode course = JSON.createObjectNode();
        course.put("title", "低压电工作业安全技术");
        course.putArray("programmes").add("low-voltage-electrician");
        course.putArray("teachers").add("李老师");
        ObjectNode unit = course.putArray("units").addObject();
        unit.put("title", "第一课 验电");
        unit.put("type", "VIDEO");
        unit.put("media", media);
        Http.Reply created = admin.post("/api/v1/institutions/" + institution + "/courses", course.toString());
        assertEquals(created.body(), 201, created.status());
        String id = created.json().get("id").asText();
        assertEquals("IN_REVIEW", admin.post("/api/v1/courses/" + id + "/submission", CourseReviewIT.DECLARATIONS)
                .json().get("status").asText());
        return id;
    }

    /** A class in 440100 of the courses running today, the learner enrolled. */
    static String openClass(Http admin, String institution, List<String> courses, String learner) {
        return openClass(admin, institution, "440100", courses, learner);
    }

    /** A class in the city of the courses running today, the learner enrolled. */
    static String openClass(Http admin, String institution, String city, List<String> courses, String learner) {
        LocalDate today = LocalDate.now(CHINA);
        ObjectNode draft = JSON.createObjectNode();
        draft.put("name", "2026年第12期低压电工作业初训班");
        draft.put("city", city);
        draft.put("programme", "low-voltage-electrician");
        courses.forEach(draft.putArray("courses")::add);
        draft.put("startsOn", today.minusDays(1).toString());
        draft.put("endsOn", today.plusDays(30).toString());
        Http.Reply opened = admin.post("/api/v1/institutions/" + institution + "/classes", draft.toString());
        assertEquals(opened.body(), 201, opened.status());
        String id = opened.json().get("id").asText();
        Http.Reply enrolled = admin.post("/api/v1/classes/" + id + "/learners", "{\"learners\":[\"" + learner + "\"]}");
        assertEquals(enrolled.body(), 1, enrolled.json().get("learners").asInt());
        return id;
    }
}
