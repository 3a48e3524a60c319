package cn.anxun.itests;

import static cn.anxun.itests.Problems.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A certified learner's archive kept for the six years of special operations after their latest record and no
 * longer: whole the minute before, held past it by a regulator, anonymised once the hold is lifted, with what
 * statistics count still there.
 */
final class Retained {

    private Retained() {
    }

    static void expire(Identity identity, Classroom classroom, MovableClock clock) {
        String learner = classroom.learner().id();
        String retention = "/api/v1/learners/" + learner + "/retention";
        Http regulator = classroom.regulator().http();
        Http operator = classroom.operator().http();
        JsonNode kept = regulator.get(retention).json();
        assertEquals(kept.toString(), 6, kept.get("years").asInt());
        Instant latest = Instant.parse(kept.get("latestRecord").asText());
        Instant keptUntil = Instant.parse(kept.get("keptUntil").asText());
        assertEquals(latest.atZone(ZoneId.of("Asia/Shanghai")).plusYears(6).toInstant(), keptUntil);
        assertFalse(standing(kept));

        String why = "{\"reason\":\"安全生产事故调查（穗应急调〔2026〕12号）\"}";
        assertProblem(identity.staff("CITY_REGULATOR", "440300", null).http().post(retention + "/holds", why), 403,
                "forbidden");
        assertProblem(classroom.admin().post(retention + "/holds", why), 403, "forbidden");
        assertProblem(regulator.post(retention + "/holds", "{\"reason\":\" \"}"), 422, "invalid-input");
        Http.Reply placed = regulator.post(retention + "/holds", why);
        assertEquals(placed.body(), 201, placed.status());
        String hold = placed.json().get("id").asText();

        clock.advance(Duration.between(clock.instant(), keptUntil.minusSeconds(60)));
        assertProblem(classroom.admin().post("/api/v1/retention/runs", ""), 403, "forbidden");
        JsonNode early = run(operator);
        assertTrue(early.toString(), early.get("kept").asInt() >= 1);
        assertEquals(200, classroom.learner().http().get("/api/v1/learners/" + learner).status());

        clock.advance(Duration.ofMinutes(2));
        JsonNode past = run(operator);
        assertEquals(past.toString(), 1, past.get("held").asInt());
        assertEquals(200, classroom.learner().http().get("/api/v1/learners/" + learner).status());
        assertTrue(standing(regulator.get(retention).json()));

        String release = "/api/v1/retention/holds/" + hold + "/release";
        Http.Reply lifted = regulator.post(release, "{\"reason\":\"调查结束\"}");
        assertEquals(lifted.body(), 200, lifted.status());
        assertProblem(regulator.post(release, "{\"reason\":\"调查结束\"}"), 409, "conflict");
        JsonNode expired = run(operator);
        assertTrue(expired.toString(), expired.get("expired").asInt() >= 1);

        assertProblem(classroom.learner().http().get("/api/v1/learners/" + learner), 401, "token-revoked");
        JsonNode archive = classroom.admin().get("/api/v1/learners/" + learner + "/archive").json();
        assertEquals("（已匿名）", archive.get("learner").get("name").asText());
        assertTrue(archive.toString(), archive.get("learner").get("idNumber").isNull());
        assertFalse(archive.get("retention").get("expiredAt").isNull());
        assertEquals("SPECIAL_OPERATION", archive.get("learner").get("category").asText());
        for (JsonNode section : archive.get("sections")) {
            if (section.get("kind").asText().equals("certificates")) {
                section.get("records").forEach(certificate -> assertEquals("（已匿名）", certificate.get("data")
                        .get("learnerName").asText()));
            }
        }
        assertFalse(archive.toString(), archive.toString().contains("买买提"));
        assertProblem(classroom.admin().get("/api/v1/learners/" + learner + "/personal-data"), 404, "not-found");
        assertProblem(operator.get("/api/v1/learners/" + learner + "/face-photo"), 404, "not-found");
        JsonNode statistics = classroom.admin().get("/api/v1/classes/" + classroom.trainingClass()
                + "/exam/statistics").json();
        assertEquals(statistics.toString(), 2, statistics.get("attempts").asInt());
        assertEquals(1, Identity.audit(identity.staff("AUDITOR", null, null), "target=learner:" + learner
                + "&action=archive.expired").size());
    }

    private static boolean standing(JsonNode retention) {
        for (JsonNode hold : retention.get("holds")) {
            if (hold.get("releasedAt").isNull()) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode run(Http operator) {
        Http.Reply run = operator.post("/api/v1/retention/runs", "");
        assertEquals(run.body(), 200, run.status());
        return run.json();
    }
}
