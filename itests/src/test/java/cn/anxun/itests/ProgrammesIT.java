package cn.anxun.itests;

import static cn.anxun.itests.Problems.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;

/** The programme catalogue against the running distribution. */
public class ProgrammesIT extends SharedPlatformTestSupport {

    @Inject
    private ConfigurationAdmin configurations;

    private Identity identity;

    @Before
    public void identity() {
        identity = new Identity(http);
    }

    @Test
    public void theNationalSyllabiAreThereWithTheirOnlineHours() {
        JsonNode electrician = programme(http.get("/api/v1/programmes").json(), "low-voltage-electrician");
        assertEquals("低压电工作业", electrician.get("operationType").asText());
        assertEquals(88, electrician.get("theoryHours").asInt());
        assertEquals(60, electrician.get("practicalHours").asInt());
        assertEquals(80, electrician.get("onlineShare").asInt());
        assertEquals("80% of 88 hours, rounded down", 70, electrician.get("onlineHours").asInt());
        JsonNode refresher = programme(http.get("/api/v1/programmes").json(), "hazchem-production-principal-refresher");
        assertEquals(16, refresher.get("onlineHours").asInt());
        assertEquals(40, http.get("/api/v1/programmes").json().size());
    }

    @Test
    public void aChangeWhoseAuditRowCannotBeWrittenIsNotStored() throws Exception {
        Identity.Account operator = identity.staff("OPERATOR", null, null);
        String entry = "{\"code\":\"unaudited\",\"name\":\"登高架设作业\",\"category\":\"SPECIAL_OPERATION\","
                + "\"operationType\":\"登高架设作业\",\"kind\":\"INITIAL\",\"theoryHours\":40,\"practicalHours\":40}";
        // the database refuses this programme's audit row, and only that one
        execute("ALTER TABLE AUDIT_EVENT ADD CONSTRAINT IT_NO_PROGRAMME"
                + " CHECK (TARGET IS NULL OR TARGET <> 'programme:unaudited')");
        try {
            assertProblem(operator.http().post("/api/v1/programmes", entry), 500, "internal-error");
        } finally {
            execute("ALTER TABLE AUDIT_EVENT DROP CONSTRAINT IT_NO_PROGRAMME");
        }
        assertProblem(http.get("/api/v1/programmes/unaudited"), 404, "not-found");
        assertEquals("with its audit row, the change is made", 201,
                operator.http().post("/api/v1/programmes", entry).status());
        execute("DELETE FROM PROGRAMME WHERE CODE = 'unaudited'");
    }

    @Test
    public void aRevisionIsANewVersionAndTheOldOneStays() {
        Identity.Account operator = identity.staff("OPERATOR", null, null);
        String entry = "{\"code\":\"refrigeration\",\"name\":\"制冷与空调设备运行操作作业\",\"category\":"
                + "\"SPECIAL_OPERATION\",\"operationType\":\"制冷与空调设备运行操作作业\",\"kind\":\"INITIAL\","
                + "\"theoryHours\":64,\"practicalHours\":40}";
        Http.Reply created = operator.http().post("/api/v1/programmes", entry);
        assertEquals(created.body(), 201, created.status());
        assertProblem(operator.http().post("/api/v1/programmes", entry), 409, "conflict");
        assertProblem(identity.staff("CITY_REGULATOR", "440100", null).http().post("/api/v1/programmes",
                entry.replace("refrigeration", "refrigeration-2")), 403, "forbidden");
        JsonNode refused = assertProblem(operator.http().method("PUT", "/api/v1/programmes/refrigeration",
                entry.replace("\"theoryHours\":64", "\"theoryHours\":0").replace("}", ",\"onlineShare\":95}")), 422,
                "invalid-input");
        assertEquals(2, refused.get("errors").size());

        JsonNode revised = operator.http().method("PUT", "/api/v1/programmes/refrigeration",
                entry.replace("\"theoryHours\":64", "\"theoryHours\":72")).json();
        assertEquals(2, revised.get("version").asInt());
        JsonNode versions = http.get("/api/v1/programmes/refrigeration").json();
        assertEquals(2, versions.size());
        assertEquals("SUPERSEDED", versions.get(1).get("status").asText());
        assertEquals("the version learners studied under is unchanged", 64, versions.get(1).get("theoryHours").asInt());

        assertEquals("RETIRED", operator.http().post("/api/v1/programmes/refrigeration/retirement", "").json()
                .get("status").asText());
        assertTrue(http.get("/api/v1/programmes").body().indexOf("\"refrigeration\"") < 0);
        assertTrue(http.get("/api/v1/programmes?retired=true").body().contains("\"refrigeration\""));
        assertProblem(operator.http().method("PUT", "/api/v1/programmes/refrigeration", entry), 409, "conflict");
        Identity.Account auditor = identity.staff("AUDITOR", null, null);
        assertEquals(3, Identity.audit(auditor, "target=programme:refrigeration").size());
    }

    @Test
    public void theDeploymentSetsTheOnlineShareOfInitialTraining() throws IOException {
        Configuration configuration = configurations.getConfiguration("cn.anxun.courses", null);
        Dictionary<String, Object> shipped = configuration.getProperties();
        Hashtable<String, Object> changed = new Hashtable<>();
        Collections.list(shipped.keys()).forEach(key -> changed.put(key, shipped.get(key)));
        changed.put("initialOnlineShare", "70");
        configuration.update(changed);
        try {
            Eventually.await("AQ 8011-2023's 70%", Duration.ofSeconds(20),
                    () -> onlineHours("low-voltage-electrician") == 61);
            assertEquals("refresher training stays fully online", 16,
                    onlineHours("hazchem-production-principal-refresher"));
        } finally {
            configuration.update(shipped);
            Eventually.await("the shipped 80%", Duration.ofSeconds(20),
                    () -> onlineHours("low-voltage-electrician") == 70);
        }
    }

    private int onlineHours(String code) {
        return programme(http.get("/api/v1/programmes").json(), code).get("onlineHours").asInt();
    }

    private static JsonNode programme(JsonNode list, String code) {
        for (JsonNode programme : list) {
            if (programme.get("code").asText().equals(code)) {
                return programme;
            }
        }
        throw new AssertionError("no programme " + code + " in " + list);
    }
}
