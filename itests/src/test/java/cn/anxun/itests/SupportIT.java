package cn.anxun.itests;

import static cn.anxun.itests.Problems.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Support on the supervision's moved clock: a learner's ticket opened the day before National Day, its first
 * answer late, then its resolution past the end of the Saturday worked in exchange for the holiday; each deadline
 * escalated once; the month's report; the calendar the operator keeps.
 */
public class SupportIT extends SharedPlatformTestSupport {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Test
    public void aTicketIsTakenPastBothDeadlinesOverAHolidayAndAWorkedWeekend() throws Exception {
        MovableClock clock = onMovableClock("cn.anxun.support");
        clock.set(LocalDateTime.of(2026, 9, 30, 10, 0).atZone(CHINA).toInstant());
        Identity identity = new Identity(http);
        Identity.cityInstalled(bundleContext, http, "guangzhou", "440100");
        Http learner = identity.learner(Identity.registration(IdNumbers.next(), "inst-support")).http();
        Http otherLearner = identity.learner(Identity.registration(IdNumbers.next(), "inst-support")).http();
        Http support = identity.staff("OPERATOR", null, null).http();
        Http regulator = identity.staff("CITY_REGULATOR", "440100", null).http();

        JsonNode invalid = assertProblem(learner.post("/api/v1/support/tickets",
                "{\"subject\":\"\",\"text\":\"请加微信 wxid_abc123 联系我\"}"), 422, "invalid-input");
        assertEquals(Set.of("subject", "text"), fields(invalid));
        Http.Reply opened = learner.post("/api/v1/support/tickets",
                "{\"subject\":\"学时没有记录\",\"text\":\"昨天学习的两个学时没有记入。\"}");
        assertEquals(opened.body(), 201, opened.status());
        String ticket = opened.json().get("id").asText();
        assertEquals("2026-09-30T04:00:00Z", opened.json().get("responseDue").asText());
        // the holiday from 1 to 7 October, then Thursday, Friday and the Saturday worked in exchange
        assertEquals("2026-10-10T16:00:00Z", opened.json().get("resolutionDue").asText());
        String regulators = regulator.post("/api/v1/support/tickets",
                "{\"subject\":\"账号权限\",\"text\":\"请核对本局账号的权限范围。\"}").json().get("id").asText();

        // the opener and the support staff read it, nobody else
        assertProblem(otherLearner.get("/api/v1/support/tickets/" + ticket), 403, "forbidden");
        assertEquals(Set.of(ticket), listed(learner, ""));
        assertEquals(Set.of(), listed(otherLearner, ""));
        assertTrue(listed(support, "").containsAll(Set.of(ticket, regulators)));
        assertProblem(learner.post("/api/v1/support/escalations", "{}"), 403, "forbidden");
        assertProblem(learner.post("/api/v1/support/tickets/" + ticket + "/resolution", "{\"text\":\"好了\"}"), 403,
                "forbidden");

        // no answer within two hours: escalated once for it
        clock.advance(Duration.ofHours(3));
        assertTrue(support.post("/api/v1/support/escalations", "{}").json().get("escalated").asInt() >= 1);
        assertEquals(0, support.post("/api/v1/support/escalations", "{}").json().get("escalated").asInt());
        JsonNode late = support.get("/api/v1/support/tickets/" + ticket).json();
        assertEquals("RESPONSE", late.get("escalation").asText());
        assertTrue(late.get("responseBreached").asBoolean());
        assertTrue(listed(support, "&overdue=true").contains(ticket));

        JsonNode answered = message(support, ticket, "messages", "已为您核对，请提供学习的班级。");
        assertEquals("WAITING", answered.get("status").asText());
        assertTrue(answered.get("responseBreached").asBoolean());
        assertEquals("OPEN", message(learner, ticket, "messages", "是安全管理人员初训班。").get("status").asText());
        assertFalse(listed(support, "&overdue=true").contains(ticket));

        // the Saturday worked counts: late on it the resolution is still due, after midnight it is past
        clock.set(LocalDateTime.of(2026, 10, 10, 23, 0).atZone(CHINA).toInstant());
        support.post("/api/v1/support/escalations", "{}");
        assertFalse(support.get("/api/v1/support/tickets/" + ticket).json().get("resolutionBreached").asBoolean());
        clock.advance(Duration.ofHours(2));
        support.post("/api/v1/support/escalations", "{}");
        JsonNode overdue = support.get("/api/v1/support/tickets/" + ticket).json();
        assertEquals("RESOLUTION", overdue.get("escalation").asText());
        assertTrue(overdue.get("resolutionBreached").asBoolean());
        JsonNode resolved = message(support, ticket, "resolution", "已补记学时，请刷新查看。");
        assertEquals("RESOLVED", resolved.get("status").asText());
        assertEquals(4, resolved.get("messages").size());
        assertProblem(support.post("/api/v1/support/tickets/" + ticket + "/resolution", "{\"text\":\"again\"}"), 409,
                "conflict");

        JsonNode report = support.get("/api/v1/support/reports/2026-09").json();
        assertTrue(report.toString(), report.get("opened").asLong() >= 2);
        assertTrue(report.toString(), report.get("responseBreaches").asLong() >= 1);
        assertTrue(report.toString(), report.get("resolutionBreaches").asLong() >= 1);
        assertTrue(report.toString(), report.get("medianResponseMinutes").asDouble() >= 180);
        assertProblem(support.get("/api/v1/support/reports/September"), 400, "invalid-parameter");
        assertProblem(learner.get("/api/v1/support/reports/2026-09"), 403, "forbidden");

        // the calendar: 2026 ships; the operator loads the next year, all rows or none
        JsonNode year = support.get("/api/v1/support/calendar/2026").json();
        assertTrue(year.get("loaded").asBoolean());
        assertEquals(39, year.get("days").size());
        assertFalse(support.get("/api/v1/support/calendar/2031").json().get("loaded").asBoolean());
        JsonNode refused = assertProblem(support.raw("PUT", "/api/v1/support/calendar/2031", "text/csv",
                HttpRequest.BodyPublishers.ofString("date,kind,name\n2031-01-01,HOLIDAY,元旦\n2030-12-31,HOLIDAY,元旦\n"
                        + "2031-01-02,DAYOFF,元旦\n")), 422, "invalid-input");
        assertEquals(Set.of("line 3", "line 4"), fields(refused));
        assertFalse(support.get("/api/v1/support/calendar/2031").json().get("loaded").asBoolean());
        Http.Reply loaded = support.raw("PUT", "/api/v1/support/calendar/2031", "text/csv",
                HttpRequest.BodyPublishers.ofString("date,kind,name\n2031-01-01,HOLIDAY,元旦\n"
                        + "2031-01-05,WORKDAY,元旦\n"));
        assertEquals(loaded.body(), 200, loaded.status());
        assertEquals(2, loaded.json().get("days").size());

        // the job runs the same escalation on its own, as the system, on one node at a time: its runs are recorded
        // (a run of this node's is skipped when it comes less than a period after another)
        Eventually.await("the escalation job ran", Duration.ofSeconds(30), () -> {
            boolean done = false;
            for (JsonNode run : support.get("/api/v1/jobs").json().get("runs")) {
                if ("support tickets past a deadline escalated".equals(run.get("name").asText())) {
                    assertEquals(run.toString(), "DONE", run.at("/outcome/kind").asText());
                    done = true;
                }
            }
            return done;
        });

        Identity.Account auditor = identity.staff("AUDITOR", null, null);
        for (String action : Set.of("support-ticket.create", "support-ticket.escalate", "support-ticket.resolve",
                "working-calendar.update")) {
            assertFalse(action, Identity.audit(auditor, "action=" + action).isEmpty());
        }
    }

    @Test
    public void attachmentsArePicturesWithoutTheirMetadataAndPdfsWithoutContactDetails() throws Exception {
        Identity identity = new Identity(http);
        Identity.cityInstalled(bundleContext, http, "guangzhou", "440100");
        Http learner = identity.learner(Identity.registration(IdNumbers.next(), "inst-support")).http();
        Http otherLearner = identity.learner(Identity.registration(IdNumbers.next(), "inst-support")).http();
        Http support = identity.staff("OPERATOR", null, null).http();
        String ticket = learner.post("/api/v1/support/tickets", "{\"subject\":\"证书打印\",\"text\":\"打印出的证书"
                + "缺少二维码，见附件。\"}").json().get("id").asText();
        String attachments = "/api/v1/support/tickets/" + ticket + "/attachments";

        // a photo with its camera's metadata is kept drawn again, without it
        byte[] photo = Photos.of(Photos.TWO_PEOPLE);
        assertTrue("the photo carries Exif metadata", contains(photo, "Exif"));
        Http.Reply attached = attach(learner, attachments + "?filename=" + URLEncoder.encode("截图.jpg",
                StandardCharsets.UTF_8), "image/jpeg", photo);
        assertEquals(attached.body(), 201, attached.status());
        assertEquals("截图.jpg", attached.json().get("filename").asText());
        assertFalse(attached.json().get("support").asBoolean());
        Http.Reply kept = support.get(attachments + "/" + attached.json().get("id").asText());
        assertEquals(kept.body(), 200, kept.status());
        assertEquals("image/jpeg", kept.contentType());
        assertFalse("the metadata is gone", contains(kept.bytes(), "Exif"));
        assertEquals(attached.json().get("size").asLong(), kept.bytes().length);
        assertEquals(Optional.of("sha-256=" + attached.json().get("sha256").asText()), kept.header("Digest"));
        assertTrue(ImageIO.read(new ByteArrayInputStream(kept.bytes())).getWidth() > 0);

        // a PDF's text is screened like a message's
        JsonNode refused = assertProblem(attach(learner, attachments, "application/pdf",
                RegistrationsIT.pdf("Please call 13812345678")), 422, "invalid-input");
        assertEquals("attachment", refused.at("/errors/0/field").asText());
        assertEquals("no-contact-data", refused.at("/errors/0/rule").asText());
        Http.Reply answer = attach(support, attachments + "?filename=guide.pdf", "application/pdf",
                RegistrationsIT.pdf("How to print a certificate"));
        assertEquals(answer.body(), 201, answer.status());
        assertTrue(answer.json().get("support").asBoolean());

        // nothing else, no contact details in a name, nobody else's ticket
        assertEquals("type", assertProblem(attach(learner, attachments, "application/octet-stream",
                "GIF89a……".getBytes(StandardCharsets.UTF_8)), 422, "invalid-input").at("/errors/0/rule").asText());
        assertEquals("filename", assertProblem(attach(learner, attachments + "?filename=13812345678.jpg",
                "image/jpeg", photo), 422, "invalid-input").at("/errors/0/field").asText());
        assertProblem(attach(otherLearner, attachments, "image/jpeg", photo), 403, "forbidden");
        assertProblem(otherLearner.get(attachments + "/" + attached.json().get("id").asText()), 403, "forbidden");
        assertProblem(learner.get(attachments + "/nonexistent"), 404, "not-found");

        JsonNode withBoth = learner.get("/api/v1/support/tickets/" + ticket).json();
        assertEquals(List.of("截图.jpg", "guide.pdf"), List.of(withBoth.at("/attachments/0/filename").asText(),
                withBoth.at("/attachments/1/filename").asText()));
        Identity.Account auditor = identity.staff("AUDITOR", null, null);
        assertFalse(Identity.audit(auditor, "action=support-ticket.attach").isEmpty());
        assertFalse(Identity.audit(auditor, "action=support-ticket.read-attachment").isEmpty());
    }

    private static Http.Reply attach(Http http, String path, String type, byte[] file) {
        return http.raw("POST", path, type, HttpRequest.BodyPublishers.ofByteArray(file));
    }

    private static boolean contains(byte[] bytes, String text) {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
    }

    private static JsonNode message(Http http, String ticket, String kind, String text) {
        Http.Reply written = http.post("/api/v1/support/tickets/" + ticket + "/" + kind, "{\"text\":\"" + text + "\"}");
        assertEquals(written.body(), 200, written.status());
        return written.json();
    }

    private static Set<String> listed(Http http, String filters) {
        Set<String> ids = new HashSet<>();
        String after = null;
        do {
            Http.Reply page = http.get("/api/v1/support/tickets?limit=1" + filters + (after == null ? ""
                    : "&after=" + after));
            assertEquals(page.body(), 200, page.status());
            page.json().get("items").forEach(item -> ids.add(item.get("id").asText()));
            after = page.json().get("next").isNull() ? null : page.json().get("next").asText();
        } while (after != null);
        return ids;
    }

    private static Set<String> fields(JsonNode problem) {
        Set<String> fields = new HashSet<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }
}
