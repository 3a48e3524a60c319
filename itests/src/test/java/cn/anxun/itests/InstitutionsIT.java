package cn.anxun.itests;

import static cn.anxun.itests.Problems.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Training institutions against the running distribution: each city's register of offline institutions. */
public class InstitutionsIT extends SharedPlatformTestSupport {

    private static final String REGISTER = "/api/v1/cities/440100/offline-institutions";
    private static final String HEADER = "name,creditCode,filingNumber,siteAddress,programmes,status\n";

    private Identity identity;
    private Identity.Account guangzhou;

    @Before
    public void regulatorOfGuangzhou() {
        identity = new Identity(http);
        guangzhou = identity.staff("CITY_REGULATOR", "440100", null);
    }

    @Test
    public void onlyTheCitysRegulatorKeepsItsRegisterAndTheRegulatorsOverItReadIt() {
        String code = CreditCodes.next();
        String entry = "{\"name\":\"广州安培职业培训学校\",\"creditCode\":\"" + code + "\","
                + "\"filingNumber\":\"穗应急培备〔2024〕017号\",\"siteAddress\":\"广州市天河区某路1号\","
                + "\"programmes\":[\"危险化学品经营单位 主要负责人\"],\"status\":\"ACTIVE\"}";
        Http.Reply added = guangzhou.http().post(REGISTER, entry);
        assertEquals(added.body(), 201, added.status());
        String location = URI.create(added.header("Location").orElseThrow()).getPath();
        assertEquals(added.json(), guangzhou.http().get(location).json());
        assertProblem(guangzhou.http().post(REGISTER, entry), 409, "conflict");

        Identity.Account shenzhen = identity.staff("CITY_REGULATOR", "440300", null);
        assertProblem(shenzhen.http().get(REGISTER), 403, "forbidden");
        assertProblem(shenzhen.http().post(REGISTER, entry.replace(code, CreditCodes.next())), 403,
                "forbidden");
        assertProblem(shenzhen.http().method("PUT", REGISTER + "/" + added.json().get("id").asText(), entry), 403,
                "forbidden");
        assertProblem(csv(shenzhen, HEADER, StandardCharsets.UTF_8), 403, "forbidden");
        assertProblem(http.get(REGISTER), 401, "login-required");
        assertProblem(identity.staff("INSTITUTION_ADMIN", null, "inst-a").http().get(REGISTER), 403, "forbidden");

        Identity.Account tianhe = identity.staff("COUNTY_REGULATOR", "440106", null);
        for (Identity.Account reader : new Identity.Account[] {identity.staff("PROVINCE_REGULATOR", "440000", null),
            identity.staff("OPERATOR", null, null), guangzhou, tianhe}) {
            Http.Reply list = reader.http().get(REGISTER);
            assertEquals(list.body(), 200, list.status());
            assertTrue(list.body().contains(code));
        }
        assertProblem(tianhe.http().post(REGISTER, entry.replace(code, CreditCodes.next())), 403, "forbidden");
        assertProblem(tianhe.http().get("/api/v1/cities/440300/offline-institutions"), 403, "forbidden");
        Http.Reply suspended = guangzhou.http().method("PUT", REGISTER + "/" + added.json().get("id").asText(),
                entry.replace("ACTIVE", "SUSPENDED"));
        assertEquals(suspended.body(), "SUSPENDED", suspended.json().path("status").asText());

        Identity.Account auditor = identity.staff("AUDITOR", null, null);
        assertEquals(1, Identity.audit(auditor, "action=offline-register.added&actor=" + guangzhou.id()).size());
        assertEquals(4, Identity.audit(auditor, "target=offline-register:440100&actor=" + shenzhen.id()).size());
        List<String> refused = new ArrayList<>();
        Identity.audit(auditor, "actor=" + tianhe.id()).forEach(row -> {
            if (row.get("outcome").asText().equals("denied")) {
                refused.add(row.get("action").asText() + " " + row.get("target").asText());
            }
        });
        assertEquals("newest first", List.of("offline-register.read offline-register:440300",
                "offline-register.update offline-register:440100"), refused);
    }

    @Test
    public void anImportIsAllOrNothingAndReadsGbk() {
        int before = guangzhou.http().get(REGISTER).json().size();
        String good = "佛山某安全培训中心," + CreditCodes.next() + ",粤应急培备〔2022〕101号,佛山市南海区某街2号,"
                + "低压电工作业；高压电工作业,ACTIVE\n";
        String valid = CreditCodes.next();
        String wrongCheck = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        String bad = "汕头某职业学校," + wrongCheck + ",汕应急培备〔2023〕009号,汕头市金平区某路3号,熔化焊接与热切割作业,ACTIVE\n";
        JsonNode refused = assertProblem(csv(guangzhou, HEADER + good + bad, StandardCharsets.UTF_8), 422,
                "invalid-input");
        Map<String, String> errors = new TreeMap<>();
        refused.get("errors").forEach(error -> errors.put(error.get("field").asText(), error.get("rule").asText()));
        assertEquals(Map.of("rows[2].creditCode", "gb-32100-check-character"), errors);
        assertEquals("nothing was imported", before, guangzhou.http().get(REGISTER).json().size());

        String second = "湛江某培训学校," + CreditCodes.next() + ",湛应急培备〔2021〕033号,湛江市赤坎区某路4号,登高架设作业,CLOSED\n";
        Http.Reply imported = csv(guangzhou, HEADER + good + second, Charset.forName("GBK"));
        assertEquals(imported.body(), 200, imported.status());
        assertEquals(2, imported.json().get("added").asInt());
        JsonNode register = guangzhou.http().get(REGISTER).json();
        assertEquals(before + 2, register.size());
        assertTrue("GBK was read as GBK", register.toString().contains("佛山某安全培训中心"));

        Http.Reply again = csv(guangzhou, HEADER + good.replace("ACTIVE", "SUSPENDED"), StandardCharsets.UTF_8);
        assertEquals(1, again.json().get("replaced").asInt());
        assertEquals(before + 2, guangzhou.http().get(REGISTER).json().size());
    }

    private static Http.Reply csv(Identity.Account regulator, String file, Charset charset) {
        return regulator.http().raw("POST", REGISTER + "/import", "text/csv",
                HttpRequest.BodyPublishers.ofByteArray(file.getBytes(charset)));
    }
}
