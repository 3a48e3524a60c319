package cn.anxun.itests;

import static cn.anxun.itests.Problems.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import javax.inject.Inject;

import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;

/** The booted distribution: health, readiness, the OpenAPI document, and errors as problem details. */
public class PlatformIT extends AnxunTestSupport {

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Test
    public void livenessAnswers() {
        Http.Reply reply = http.get("/api/v1/health");
        assertEquals(200, reply.status());
        assertEquals("UP", reply.json().path("status").asText());
    }

    @Test
    public void readinessListsTheDatabaseAndEveryCoreBundleUp() {
        Http.Reply reply = http.get("/api/v1/health/ready");
        assertEquals(reply.body(), 200, reply.status());
        List<String> names = new ArrayList<>();
        for (JsonNode check : reply.json().path("checks")) {
            assertEquals(check.toString(), "UP", check.path("status").asText());
            names.add(check.path("name").asText());
        }
        assertTrue(names.toString(), names.containsAll(
                List.of("database", "cn.anxun.api", "cn.anxun.cities", "cn.anxun.rest", "cn.anxun.shell")));
    }

    @Test
    public void readinessSaysWhichPartIsDownWhileTheDatabaseIsMissing() throws IOException {
        Configuration dataSource = configurationAdmin.getConfiguration("org.ops4j.datasource~anxun", "?");
        Dictionary<String, Object> properties = copy(dataSource.getProperties());
        dataSource.delete();
        try {
            Eventually.await("readiness 503", Duration.ofSeconds(30),
                    () -> http.get("/api/v1/health/ready").status() == 503);
            JsonNode report = http.get("/api/v1/health/ready").json();
            assertEquals("DOWN", report.path("status").asText());
            JsonNode database = check(report, "database");
            assertEquals("DOWN", database.path("status").asText());
            assertTrue(database.toString(), database.path("detail").asText().contains("org.ops4j.datasource-anxun.cfg"));
            JsonNode cities = check(report, "cn.anxun.cities");
            assertEquals("DOWN", cities.path("status").asText());
            assertTrue(cities.toString(), cities.path("detail").asText().contains("waits for"));
            assertEquals("the liveness probe does not depend on the database", 200, http.get("/api/v1/health").status());
        } finally {
            configurationAdmin.getFactoryConfiguration("org.ops4j.datasource", "anxun", "?").update(properties);
        }
        Eventually.await("ready again after the DataSource is back", Duration.ofSeconds(30), http::ready);
    }

    @Test
    public void openApiDocumentDescribesTheApi() {
        Http.Reply reply = http.get("/api/v1/openapi.json");
        assertEquals(200, reply.status());
        JsonNode document = reply.json();
        assertTrue(document.path("openapi").asText().startsWith("3."));
        assertEquals("/api/v1", document.path("servers").path(0).path("url").asText());
        JsonNode paths = document.path("paths");
        for (String path : List.of("/cities", "/cities/{code}", "/health", "/health/ready")) {
            assertTrue(path + " in " + paths.fieldNames(), paths.has(path));
        }
        assertTrue(paths.path("/cities").path("get").path("parameters").toString().contains("state"));
        assertTrue(document.path("components").path("schemas").has("Problem"));
    }

    @Test
    public void unknownRoutesAreProblems() {
        assertProblem(http.get("/api/v1/no-such-thing"), 404, "not-found");
        assertProblem(http.get("/api/elsewhere"), 404, "not-found");
        assertProblem(http.get("/api/v1/cities/440100/no-such-thing"), 404, "not-found");
    }

    @Test
    public void malformedRequestsAreProblemsThatNameTheParameter() {
        JsonNode badState = assertProblem(http.get("/api/v1/cities?state=everything"), 400, "invalid-parameter");
        assertEquals("state", badState.path("errors").path(0).path("field").asText());
        JsonNode badCode = assertProblem(http.get("/api/v1/cities/44AB00"), 400, "invalid-parameter");
        assertEquals("code", badCode.path("errors").path(0).path("field").asText());
        assertEquals("gb-t-2260-code", badCode.path("errors").path(0).path("rule").asText());
    }

    @Test
    public void wrongMethodAndMediaTypeAreProblems() {
        Http.Reply post = http.post("/api/v1/cities", "{\"code\": \"440100\", ");
        assertProblem(post, 405, "method-not-allowed");
        assertTrue(post.allow().orElse(""), post.allow().orElse("").contains("GET"));
        assertProblem(http.get("/api/v1/cities", "text/html"), 406, "not-acceptable");
    }

    @Test
    public void aCityNeverInstalledIsNotFound() {
        JsonNode problem = assertProblem(http.get("/api/v1/cities/445300"), 404, "not-found");
        assertTrue(problem.path("detail").asText().contains("445300"));
    }

    @Test
    public void everyCoreBundleIsActive() {
        for (Bundle bundle : bundleContext.getBundles()) {
            if (bundle.getHeaders("").get("Anxun-Core") != null) {
                assertEquals(bundle.getSymbolicName(), Bundle.ACTIVE, bundle.getState());
            }
        }
    }

    @Test
    public void noBundleExportsOrImportsAnInternalPackage() {
        List<String> violations = new ArrayList<>();
        for (Bundle bundle : bundleContext.getBundles()) {
            BundleWiring wiring = bundle.adapt(BundleWiring.class);
            if (wiring == null || !bundle.getSymbolicName().startsWith("cn.anxun.")) {
                continue;
            }
            for (BundleCapability export : wiring.getCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
                String name = (String) export.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE);
                if (name.contains(".internal")) {
                    violations.add(bundle.getSymbolicName() + " exports " + name);
                }
            }
            for (BundleWire wire : wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
                String name = (String) wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE);
                if (name.startsWith("cn.anxun.") && name.contains(".internal")) {
                    violations.add(bundle.getSymbolicName() + " imports " + name);
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    private static JsonNode check(JsonNode report, String name) {
        for (JsonNode check : report.path("checks")) {
            if (name.equals(check.path("name").asText())) {
                return check;
            }
        }
        throw new AssertionError("no check " + name + " in " + report);
    }

    private static Dictionary<String, Object> copy(Dictionary<String, Object> properties) {
        Dictionary<String, Object> copy = new Hashtable<>();
        for (var keys = properties.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            if (!key.equals("service.pid") && !key.equals("service.factoryPid") && !key.startsWith("felix.fileinstall")) {
                copy.put(key, properties.get(key));
            }
        }
        return copy;
    }
}
