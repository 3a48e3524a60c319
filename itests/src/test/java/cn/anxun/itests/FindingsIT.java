package cn.anxun.itests;

import static cn.anxun.itests.Problems.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Findings and their rectification with learners in two counties of Guangzhou: a regulator raises them only
 * against records of their region, reads those of their region, and decides them until they are escalated; the
 * institution answers; a sanction suspends the institution's registration citing the finding; a finding past its
 * deadline is overdue on the supervision's clock.
 */
public class FindingsIT extends SharedPlatformTestSupport {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String GUANGZHOU = "440100";
    private static final String LIWAN = "440103";
    private static final String TIANHE = "440106";
    private static final String SHENZHEN = "440300";

    @Test
    public void aFindingGoesThroughRectificationSeenOnlyInItsRegion() throws Exception {
        MovableClock clock = onMovableClock("cn.anxun.supervision");
        Identity identity = new Identity(http);
        Identity.cityInstalled(bundleContext, http, "guangzhou", GUANGZHOU);
        Identity.cityInstalled(bundleContext, http, "shenzhen", SHENZHEN);
        Classroom classroom = Classroom.open(identity, "inst-find-gz", GUANGZHOU, LIWAN);
        Http admin = classroom.admin();
        Http city = classroom.regulator().http();
        Http liwan = identity.staff("COUNTY_REGULATOR", LIWAN, null).http();
        Http tianhe = identity.staff("COUNTY_REGULATOR", TIANHE, null).http();
        Http shenzhen = identity.staff("CITY_REGULATOR", SHENZHEN, null).http();
        Http province = identity.staff("PROVINCE_REGULATOR", "440000", null).http();
        Http staff = identity.staff("INSTITUTION_STAFF", null, "inst-find-gz").http();
        Http otherInstitution = identity.staff("INSTITUTION_ADMIN", null, "inst-find-other").http();
        LocalDate today = LocalDate.ofInstant(clock.instant(), CHINA);
        String learner = classroom.learner().id();

        // raised only by a regulator, only against a record of their region, with a deadline after today
        String onLearner = raise(liwan, "LEARNER", learner, "学时记录与人脸核验时间不符", today.plusDays(1));
        assertProblem(tianhe.post("/api/v1/findings", draft("LEARNER", learner, "代学", today.plusDays(1))), 403,
                "forbidden");
        assertProblem(shenzhen.post("/api/v1/findings", draft("CLASS", classroom.trainingClass(), "代学",
                today.plusDays(1))), 403, "forbidden");
        assertProblem(admin.post("/api/v1/findings", draft("CLASS", classroom.trainingClass(), "代学",
                today.plusDays(1))), 403, "forbidden");
        JsonNode invalid = assertProblem(city.post("/api/v1/findings", draft("CLASS", classroom.trainingClass(),
                "请拨打 13800138000", today)), 422, "invalid-input");
        assertEquals(Set.of("text", "deadline"), fields(invalid));
        assertProblem(city.post("/api/v1/findings", draft("CLASS", "no-such-class", "代学", today.plusDays(1))),
                404, "not-found");
        String onClass = raise(city, "CLASS", classroom.trainingClass(), "班级在线学时不足", today.plusDays(5));

        // each reads their region's: a county its own, the city its counties' too, the institution its own
        Map<Http, Set<String>> reads = Map.of(liwan, Set.of(onLearner), tianhe, Set.of(), city,
                Set.of(onLearner, onClass), province, Set.of(onLearner, onClass), shenzhen, Set.of(),
                staff, Set.of(onLearner, onClass), otherInstitution, Set.of());
        reads.forEach((reader, expected) -> assertEquals(expected, listed(reader, "")));
        assertProblem(shenzhen.get("/api/v1/findings/" + onLearner), 403, "forbidden");
        assertEquals(Set.of(onLearner), listed(city, "&region=" + LIWAN));
        assertEquals(Set.of(onClass), listed(staff, "&subject=CLASS&subjectId=" + classroom.trainingClass()));

        // the institution's admin answers; the county asks again, then escalates to the city, which closes it
        assertProblem(staff.post(steps(onLearner), step("ANSWER", "已整改", null)), 403, "forbidden");
        assertEquals("ANSWERED", step(admin, onLearner, step("ANSWER", "已核对学时并重新核验", null))
                .get("status").asText());
        assertProblem(admin.post(steps(onLearner), step("ANSWER", "again", null)), 409, "conflict");
        JsonNode reopened = step(liwan, onLearner, step("REOPEN", "整改不到位", today.plusDays(3)));
        assertEquals("OPEN", reopened.get("status").asText());
        assertEquals(today.plusDays(3).toString(), reopened.get("deadline").asText());
        step(admin, onLearner, step("ANSWER", "补充材料", null));
        assertEquals(GUANGZHOU, step(liwan, onLearner, step("ESCALATE", "请市局处理", null)).get("decidedIn")
                .asText());
        assertProblem(liwan.post(steps(onLearner), step("CLOSE", "结案", null)), 403, "forbidden");
        assertEquals(200, liwan.get("/api/v1/findings/" + onLearner).status());
        JsonNode closed = step(city, onLearner, step("CLOSE", "整改完成", null));
        assertEquals("CLOSED", closed.get("status").asText());
        assertEquals(List.of("RAISE", "ANSWER", "REOPEN", "ANSWER", "ESCALATE", "CLOSE"), actions(closed));

        // a sanction cites the finding in the registration's history
        assertEquals("registration", assertProblem(city.post(steps(onClass), step("SUSPEND", "逾期未整改", null)),
                422, "invalid-input").at("/errors/0/field").asText());
        String registration = classroom.institutionRegistration();
        JsonNode sanctioned = step(city, onClass, "{\"action\":\"SUSPEND\",\"text\":\"逾期未整改\",\"registration\":\""
                + registration + "\"}");
        assertEquals(registration, sanctioned.at("/history/1/registration").asText());
        JsonNode suspended = city.get("/api/v1/registrations/" + registration).json();
        assertEquals("SUSPENDED", suspended.get("status").asText());
        JsonNode last = suspended.get("history").get(suspended.get("history").size() - 1);
        assertTrue(last.toString(), last.get("reason").asText().contains(onClass));

        // past its deadline an open finding is overdue; an answered one waits for the regulator, not overdue
        assertFalse(city.get("/api/v1/findings/" + onClass).json().get("overdue").asBoolean());
        clock.advance(Duration.ofDays(6));
        assertTrue(city.get("/api/v1/findings/" + onClass).json().get("overdue").asBoolean());
        assertEquals(Set.of(onClass), listed(city, "&overdue=true"));
        assertEquals(Set.of(), listed(liwan, "&overdue=true"));

        Identity.Account auditor = identity.staff("AUDITOR", null, null);
        for (String action : List.of("raise", "answer", "reopen", "escalate", "close", "suspend")) {
            assertFalse(action, Identity.audit(auditor, "action=finding." + action).isEmpty());
        }
        assertFalse(Identity.audit(auditor, "action=finding.create").isEmpty());
    }

    private static String raise(Http regulator, String subject, String id, String text, LocalDate deadline) {
        Http.Reply raised = regulator.post("/api/v1/findings", draft(subject, id, text, deadline));
        assertEquals(raised.body(), 201, raised.status());
        assertEquals("OPEN", raised.json().get("status").asText());
        assertEquals(List.of("RAISE"), actions(raised.json()));
        return raised.json().get("id").asText();
    }

    private static String draft(String subject, String id, String text, LocalDate deadline) {
        return "{\"subject\":\"" + subject + "\",\"subjectId\":\"" + id + "\",\"text\":\"" + text
                + "\",\"deadline\":\"" + deadline + "\"}";
    }

    private static String step(String action, String text, LocalDate deadline) {
        return "{\"action\":\"" + action + "\",\"text\":\"" + text + "\""
                + (deadline == null ? "" : ",\"deadline\":\"" + deadline + "\"") + "}";
    }

    private static JsonNode step(Http http, String finding, String step) {
        Http.Reply taken = http.post(steps(finding), step);
        assertEquals(taken.body(), 200, taken.status());
        return taken.json();
    }

    private static String steps(String finding) {
        return "/api/v1/findings/" + finding + "/steps";
    }

    /** The ids of every finding the caller lists with the filters, page by page of two. */
    private static Set<String> listed(Http http, String filters) {
        Set<String> ids = new TreeSet<>();
        String after = null;
        do {
            Http.Reply page = http.get("/api/v1/findings?limit=2" + filters + (after == null ? "" : "&after="
                    + after));
            assertEquals(page.body(), 200, page.status());
            page.json().get("items").forEach(item -> ids.add(item.get("id").asText()));
            after = page.json().get("next").isNull() ? null : page.json().get("next").asText();
        } while (after != null);
        return ids;
    }

    private static List<String> actions(JsonNode finding) {
        List<String> actions = new ArrayList<>();
        finding.get("history").forEach(step -> actions.add(step.get("action").asText()));
        return actions;
    }

    private static Set<String> fields(JsonNode problem) {
        Set<String> fields = new TreeSet<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }
}
