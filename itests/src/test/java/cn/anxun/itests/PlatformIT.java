package cn.anxun.itests;

import static cn.anxun.itests.Problems.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import cn.anxun.rest.ApiResource;

/** The booted distribution: health, readiness, the OpenAPI document, and errors as problem details. */
public class PlatformIT extends SharedPlatformTestSupport {

    @Test
    public void livenessAnswers() {
        Http.Reply reply = http.get("/api/v1/health");
        assertEquals(200, reply.status());
        assertEquals("UP", reply.json().path("status").asText());
    }

    @Test
    public void readinessListsTheDatabaseEveryCoreBundleAndTheWebApiUp() {
        Http.Reply reply = http.get("/api/v1/health/ready");
        assertEquals(reply.body(), 200, reply.status());
        List<String> names = new ArrayList<>();
        for (JsonNode check : reply.json().path("checks")) {
            assertEquals(check.toString(), "UP", check.path("status").asText());
            names.add(check.path("name").asText());
        }
        assertTrue(names.toString(), names.containsAll(
                List.of("boot", "database", "schema", "cn.anxun.platform", "cn.anxun.api", "cn.anxun.cities", "cn.anxun.identity", "cn.anxun.institutions",
                        "cn.anxun.rest", "cn.anxun.shell", "web API")));
        assertEquals("the database this run is meant for", TestDatabase.postgresql() ? "PostgreSQL" : "Apache Derby",
                check(reply.json(), "database").path("detail").asText());
    }

    @Test
    public void readinessSaysWhichPartIsDownWhileTheDatabaseDriverIsGone() throws Exception {
        Bundle driver = bundle(TestDatabase.driverBundle());
        driver.stop(Bundle.STOP_TRANSIENT);
        try {
            JsonNode report = awaitReadiness("the database reported down", Duration.ofSeconds(30),
                    candidate -> "DOWN".equals(check(candidate, "database").path("status").asText())
                            && "DOWN".equals(check(candidate, "cn.anxun.cities").path("status").asText()));
            assertEquals("DOWN", report.path("status").asText());
            JsonNode database = check(report, "database");
            assertTrue(database.toString(), database.path("detail").asText().contains("org.ops4j.datasource-anxun.cfg"));
            JsonNode cities = check(report, "cn.anxun.cities");
            assertTrue(cities.toString(), cities.path("detail").asText().contains("waits for"));
            assertEquals("the liveness probe does not depend on the database", 200, http.get("/api/v1/health").status());
        } finally {
            driver.start(Bundle.START_TRANSIENT);
        }
        Eventually.await("ready and serving cities again after the driver is back", Duration.ofSeconds(30),
                () -> http.ready() && http.get("/api/v1/cities").status() == 200);
    }

    @Test
    public void everyBundleThatKeepsRecordsHasItsTablesFromItsChangelog() throws Exception {
        for (String history : HISTORIES) {
            try (Connection connection = database().getConnection(); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT ID, EXECTYPE FROM " + history + "CHANGELOG")) {
                assertTrue(history + " records its first changeset", rows.next());
                assertEquals(history, "1-tables", rows.getString(1));
                assertEquals("a new database gets its tables from the changelog", "EXECUTED", rows.getString(2));
            }
        }
    }

    @Test
    public void aBundleRefusesADatabaseWrittenByANewerVersionAndReadinessSaysWhy() throws Exception {
        Bundle face = bundle("cn.anxun.face");
        execute("INSERT INTO FACECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE)"
                + " VALUES ('99-from-a-newer-version', 'anxun', 'db/changelog.xml', CURRENT_TIMESTAMP, 99, 'EXECUTED')");
        try {
            face.stop(Bundle.STOP_TRANSIENT);
            face.start(Bundle.START_TRANSIENT);
            JsonNode report = awaitReadiness("the face bundle's tables reported newer", Duration.ofSeconds(30),
                    candidate -> checkStartingWith(candidate, "schema cn.anxun.face") != null);
            assertEquals("DOWN", report.path("status").asText());
            String detail = checkStartingWith(report, "schema cn.anxun.face").path("detail").asText();
            assertTrue(detail, detail.startsWith("NEWER") && detail.contains("99-from-a-newer-version"));
            assertTrue("its unit stays closed, so its services wait",
                    check(report, "cn.anxun.face").path("detail").asText().contains("waits for"));
        } finally {
            execute("DELETE FROM FACECHANGELOG WHERE ID = '99-from-a-newer-version'");
            face.stop(Bundle.STOP_TRANSIENT);
            face.start(Bundle.START_TRANSIENT);
        }
        Eventually.await("ready again once the database matches the bundle", Duration.ofSeconds(30), http::ready);
    }

    @Test
    public void aDatabaseWithNoConnectionToSpareAnswers503WithRetryAfterAndTheCauseIsLogged() throws Exception {
        List<Connection> taken = new ArrayList<>();
        try {
            takeEveryConnection(taken);
            // each request waits out the pool once to begin and once to roll back
            Http patient = http.patient(Duration.ofSeconds(60));
            List<Http.Reply> replies = concurrently(4, () -> patient.get("/api/v1/programmes"));
            for (Http.Reply reply : replies) {
                assertDatabaseUnavailable(reply);
            }
            Http.Reply ready = patient.get("/api/v1/health/ready");
            assertEquals(503, ready.status());
            String detail = check(ready.json(), "database").path("detail").asText();
            assertTrue("readiness tells anyone the SQL state, not the pool's message: " + detail,
                    detail.startsWith("no connection to the database (SQL state") && !detail.contains("Timeout"));
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
        }
        assertEquals("served again once connections are free", 200, http.get("/api/v1/programmes").status());
        assertLogged("Database unavailable answering GET /api/v1/programmes", "Timeout waiting for idle object");
        assertLogged("Readiness: no connection to the database");
    }

    @Test
    public void aDatabaseStoppedUnderLoadAnswers503AndServesAgainOnceBack() throws Exception {
        assumeTrue("embedded Derby stops only with the platform", TestDatabase.postgresql());
        AtomicBoolean running = new AtomicBoolean(true);
        Queue<Http.Reply> replies = new ConcurrentLinkedQueue<>();
        Queue<Exception> failures = new ConcurrentLinkedQueue<>();
        ExecutorService load = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            load.execute(() -> {
                while (running.get()) {
                    try {
                        replies.add(http.get("/api/v1/programmes"));
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }
            });
        }
        try {
            TestDatabase.whileStopped(() -> Eventually.await("503 while the database is stopped", Duration.ofSeconds(30),
                    () -> !failures.isEmpty() || replies.stream().anyMatch(reply -> reply.status() == 503)));
            replies.clear();
            Eventually.await("served again once the database is back", Duration.ofSeconds(30),
                    () -> replies.stream().anyMatch(reply -> reply.status() == 200));
        } finally {
            running.set(false);
            load.shutdown();
            assertTrue(load.awaitTermination(30, TimeUnit.SECONDS));
        }
        assertEquals("every request is answered within the client's 10 s", List.of(), List.copyOf(failures));
        for (Http.Reply reply : replies) {
            if (reply.status() != 200) {
                assertDatabaseUnavailable(reply);
            }
        }
        assertLogged("Database unavailable answering GET /api/v1/programmes", "PSQLException");
    }

    @Test
    public void aBodyWithoutALengthFromSomeoneNotLoggedInIsRefusedBeforeItIsRead() throws Exception {
        ChunkedBody.Answer answer = ChunkedBody.send(http.port(), "POST",
                "/api/v1/cities/440100/offline-institutions/import", null, "text/csv", (byte) '0', 1L << 30);
        System.out.println("anonymous chunked import: " + answer);
        assertEquals(401, answer.status());
        assertTrue("answered after " + answer.sent() + " bytes", answer.sent() < 64 << 20);
    }

    @Test
    public void aBodyWithoutALengthIsRefusedOnceItPassesTheBound() throws Exception {
        String token = new Identity(http).admin().token();
        ChunkedBody.Answer answer = ChunkedBody.send(http.port(), "POST", "/api/v1/programmes", token,
                "application/json", (byte) ' ', 1L << 30);
        System.out.println("chunked JSON body past the bound: " + answer);
        assertEquals(413, answer.status());
        assertTrue("answered after " + answer.sent() + " bytes", answer.sent() < 64 << 20);
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
        assertTrue(paths.path("/cities/{code}").path("get").path("responses").path("200").path("content")
                .path("application/json").path("schema").has("$ref"));
        assertTrue(document.path("components").path("schemas").has("Problem"));
        List<String> withoutSuccess = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            List<String> statuses = new ArrayList<>();
            operation.getValue().path("responses").fieldNames().forEachRemaining(statuses::add);
            if (operation.getValue().has("responses") && statuses.stream().noneMatch(s -> s.matches("[23]\\d\\d"))) {
                withoutSuccess.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        assertEquals("operations that declare no success answer", List.of(), withoutSuccess);
        // a schema nothing refers to is the answer of an operation that another one on its path hid
        List<String> unused = new ArrayList<>();
        document.path("components").path("schemas").fieldNames().forEachRemaining(name -> {
            if (!document.toString().contains("\"#/components/schemas/" + name + "\"")) {
                unused.add(name);
            }
        });
        assertEquals("schemas no operation refers to", List.of(), unused);
    }

    @Test
    public void unknownRoutesAreProblems() {
        assertProblem(http.get("/api/v1/no-such-thing"), 404, "not-found");
        assertProblem(http.get("/api/elsewhere"), 404, "not-found");
        assertProblem(http.get("/api/v1/cities/440100/no-such-thing"), 404, "not-found");
        assertProblem(http.get("/api/v1/learners/..%2F..%2Fetc%2Fpasswd"), 404, "not-found");
        assertProblem(http.get("/api/v1/courses/x%5C..%5Cy/feedback"), 404, "not-found");
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
    public void theNulCharacterIsRefusedInParametersAndBodiesBeforeItReachesTheDatabase() {
        assertEquals("Jetty refuses it in a path itself", 400,
                http.get("/api/v1/public/cities/4401%0000/institutions").status());
        JsonNode inQuery = assertProblem(http.get("/api/v1/cities?state=a%00b"), 400, "invalid-parameter");
        assertEquals("state", inQuery.path("errors").path(0).path("field").asText());
        assertEquals("no-nul", inQuery.path("errors").path(0).path("rule").asText());
        JsonNode inBody = assertProblem(http.post("/api/v1/auth/login",
                "{\"username\":\"admin\\u0000\",\"password\":\"x\"}"), 400, "invalid-json");
        assertEquals("username", inBody.path("errors").path(0).path("field").asText());
    }

    @Test
    public void wrongMethodAndMediaTypeAreProblems() {
        Http.Reply post = http.post("/api/v1/cities", "{\"code\": \"440100\", ");
        assertProblem(post, 405, "method-not-allowed");
        assertTrue(post.allow().orElse(""), post.allow().orElse("").contains("GET"));
        assertProblem(http.get("/api/v1/cities", "text/html"), 406, "not-acceptable");
    }

    @Test
    public void aBundleAddsAResourceAndBadBodiesAreProblemsThatNameTheField() {
        ServiceRegistration<ApiResource> registration =
                bundleContext.registerService(ApiResource.class, new EchoResource(), null);
        try {
            String valid = "{\"name\": \"张三\", \"employer\": {\"name\": \"某公司\", \"staff\": 3}}";
            Eventually.await("the resource is published", Duration.ofSeconds(10),
                    () -> http.post("/api/v1/it-echo", valid).status() == 200);
            assertEquals("张三", http.post("/api/v1/it-echo", valid).json().path("name").asText());
            assertTrue(http.get("/api/v1/openapi.json").json().path("paths").has("/it-echo"));

            JsonNode malformed = assertProblem(http.post("/api/v1/it-echo", "{\"name\": \"张三\",\n \"employer\": }"),
                    400, "malformed-json");
            assertTrue(malformed.path("detail").asText(), malformed.path("detail").asText().contains("line 2"));
            JsonNode unknown = assertProblem(http.post("/api/v1/it-echo",
                    "{\"name\": \"张三\", \"employer\": {\"name\": \"某公司\", \"staff\": 3, \"wechat\": \"zs\"}}"),
                    400, "unknown-field");
            assertEquals("employer.wechat", unknown.path("errors").path(0).path("field").asText());
            JsonNode wrongType = assertProblem(http.post("/api/v1/it-echo",
                    "{\"name\": \"张三\", \"employer\": {\"name\": \"某公司\", \"staff\": \"many\"}}"),
                    400, "invalid-json");
            assertEquals("employer.staff", wrongType.path("errors").path(0).path("field").asText());
            assertProblem(http.send("/api/v1/it-echo", "text/plain", "hello"), 415, "unsupported-media-type");
        } finally {
            registration.unregister();
        }
        Eventually.await("the resource is withdrawn", Duration.ofSeconds(10),
                () -> http.post("/api/v1/it-echo", "{}").status() == 404);
        Eventually.await("ready after the web API is re-created", Duration.ofSeconds(10),
                () -> http.ready() && http.get("/api/v1/cities").status() == 200);
    }

    @Test
    public void aCityNeverInstalledIsNotFound() {
        JsonNode problem = assertProblem(http.get("/api/v1/cities/445300"), 404, "not-found");
        assertTrue(problem.path("detail").asText().contains("445300"));
    }

    @Test
    public void theConsoleTakesABackupAndListsIt() throws Exception {
        // the fuzz may have started one through the API: one runs at a time
        Eventually.await("no backup runs", Duration.ofSeconds(60), () -> {
            try {
                return !shell("anxun:backups").contains("RUNNING");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        String taken = shell("anxun:backup");
        assertTrue(taken, taken.contains("complete: ") && taken.contains(TestDatabase.postgresql() ? "postgresql"
                : "derby"));
        String id = taken.substring(taken.indexOf("Backup ") + 7, taken.indexOf(" started"));
        assertTrue(shell("anxun:backups").lines().anyMatch(line -> line.contains(id) && line.contains("COMPLETE")));
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

    /** Polls readiness until its report (503 or 200, JSON) satisfies the condition, and answers that report. */
    private JsonNode awaitReadiness(String description, Duration deadline, Predicate<JsonNode> condition) {
        JsonNode[] report = {null};
        Eventually.await(description, deadline, () -> {
            Http.Reply reply = http.get("/api/v1/health/ready");
            if (!reply.contentType().startsWith("application/json")) {
                return false; // the web API is being re-created: the fallback answers
            }
            report[0] = reply.json();
            return condition.test(report[0]);
        });
        return report[0];
    }

    private static final List<String> HISTORIES = List.of("CITIES", "IDENTITY", "INSTITUTIONS", "COURSES", "FACE", "MEDIA");

    /** Borrows connections from the pool until it has none left: the last attempt waits out the pool's wait. */
    private void takeEveryConnection(List<Connection> taken) throws Exception {
        DataSource pool = database();
        try {
            while (taken.size() < 1000) {
                taken.add(pool.getConnection());
            }
        } catch (SQLException exhausted) {
            assertFalse("the pool gave at least one connection", taken.isEmpty());
            return;
        }
        throw new AssertionError("the pool never ran out");
    }

    private static List<Http.Reply> concurrently(int requests, Callable<Http.Reply> request) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(requests);
        try {
            List<Http.Reply> replies = new ArrayList<>();
            for (Future<Http.Reply> reply : clients.invokeAll(Collections.nCopies(requests, request))) {
                replies.add(reply.get());
            }
            return replies;
        } finally {
            clients.shutdown();
        }
    }

    private static void assertDatabaseUnavailable(Http.Reply reply) {
        assertProblem(reply, 503, "database-unavailable");
        assertEquals("Retry-After", "10", reply.header("Retry-After").orElse(null));
    }

    /** The platform's log names the failure and what the database or the pool said. */
    private static void assertLogged(String... parts) throws Exception {
        Path log = Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
        Eventually.await("the log has " + List.of(parts), Duration.ofSeconds(10), () -> {
            try {
                return Files.readAllLines(log).stream().anyMatch(line -> List.of(parts).stream().allMatch(line::contains));
            } catch (IOException e) {
                return false;
            }
        });
    }

    private static JsonNode checkStartingWith(JsonNode report, String prefix) {
        for (JsonNode check : report.path("checks")) {
            if (check.path("name").asText().startsWith(prefix)) {
                return check;
            }
        }
        return null;
    }

    private static JsonNode check(JsonNode report, String name) {
        for (JsonNode check : report.path("checks")) {
            if (name.equals(check.path("name").asText())) {
                return check;
            }
        }
        return MissingNode.getInstance();
    }

    /** Enough requests that each operation gets over a hundred, from every kind of caller. */
    private static final int FUZZ_REQUESTS = 10_000;
    /**
     * What Jetty refuses itself, before the request reaches the web API, with a page of its own (HTML, or plain text
     * when the request accepts only that) or none: a URI it cannot decode, a path whose dot segments lead out of the
     * API, a request line or headers over its buffers.
     */
    private static final Set<Integer> HTTP_SERVER_REFUSALS = Set.of(400, 404, 414, 431);
    /**
     * The JAX-RS runtime's own answers to a request no operation describes: another method, an Accept it cannot
     * meet (and a body sent where the operation takes none: 415). Every operation may give them; none declares them.
     */
    private static final Set<Integer> RUNTIME_REFUSALS = Set.of(405, 406);
    /** The same requests on every run, so that what the fuzz finds can be made again. */
    private static final long FUZZ_SEED = 20_261_205L;
    /** Tables a refused request writes to on purpose: its audit row, a counted login or registration attempt. */
    private static final Set<String> WRITTEN_WHEN_REFUSED = Set.of("AUDIT_EVENT", "LOGIN_THROTTLE", "LOGIN_SESSION");
    /**
     * Tables the platform's own jobs write while the requests run: the look for suspicious patterns, and the lease and
     * record of any job's run.
     */
    private static final Set<String> WRITTEN_BY_JOBS = Set.of("FLAG", "FLAG_EVIDENCE", "FLAG_LOOK", "JOB_LEASE",
            "JOB_RUN");
    /** Tables a request the fuzz makes valid writes when it is accepted, by operation. */
    private static final Map<String, Set<String>> WRITTEN_WHEN_ACCEPTED = Map.of(
            "POST /api/v1/support/tickets", Set.of("SUPPORT_TICKET", "SUPPORT_MESSAGE"));

    @Test
    public void hostileRequestsMadeFromTheOpenApiDocumentGetNoServerErrorAndLeaveNoRecord() throws Exception {
        Identity.cityInstalled(bundleContext, http, "guangzhou", "440100");
        Identity identity = new Identity(http);
        List<FuzzCaller> callers = FuzzCaller.all(identity);
        long seed = FUZZ_SEED;
        JsonNode document = http.get("/api/v1/openapi.json").json();
        ApiFuzz fuzz = new ApiFuzz(document, seed);
        Random pick = new Random(seed);
        Map<String, Long> before = rowCounts();
        Map<String, Integer> answers = new TreeMap<>();
        List<String> serverErrors = new ArrayList<>();
        List<String> notProblems = new ArrayList<>();
        Set<String> undeclared = new TreeSet<>();
        Set<String> acceptedWrites = new TreeSet<>();
        Set<String> written = new TreeSet<>(WRITTEN_WHEN_REFUSED);
        written.addAll(WRITTEN_BY_JOBS);
        for (int i = 0; i < FUZZ_REQUESTS; i++) {
            ApiFuzz.Operation operation = fuzz.operations().get(i % fuzz.operations().size());
            FuzzCaller caller = callers.get(pick.nextInt(callers.size()));
            ApiFuzz.Request request = fuzz.next(operation);
            String what = request.method() + " " + request.path().substring(0, Math.min(160, request.path().length()))
                    + " as " + caller.name() + " (" + request.mutation() + ") -> ";
            Http.Reply reply;
            try {
                reply = caller.http().exchange(request.method(), request.path(), request.headers(), request.body());
            } catch (UncheckedIOException e) {
                // refused before it was read (a body without a login, an over-long URI or nesting): the connection
                // is closed behind the answer, which the client may lose while it is still sending
                boolean refusedEarly = caller.login() == null || request.path().length() > 8 * 1024
                        || request.body() != null && request.body().length > 16 * 1024;
                answers.merge("connection closed while sending", 1, Integer::sum);
                if (!refusedEarly) {
                    serverErrors.add(what + e.getMessage());
                }
                continue;
            }
            answers.merge(reply.status() / 100 + "xx " + reply.status(), 1, Integer::sum);
            what += reply.status();
            if (reply.status() >= 500) {
                serverErrors.add(what + " " + reply.body().substring(0, Math.min(300, reply.body().length())));
            } else if (HTTP_SERVER_REFUSALS.contains(reply.status())
                    && (reply.contentType().startsWith("text/html") || reply.contentType().startsWith("text/plain")
                            || reply.contentType().isEmpty())) {
                answers.merge("of which refused by the HTTP server", 1, Integer::sum);
            } else if (reply.status() >= 400 && !reply.contentType().startsWith("application/problem+json")) {
                notProblems.add(what + " " + reply.contentType());
            } else if (reply.status() >= 400 && !RUNTIME_REFUSALS.contains(reply.status())) {
                // a changed method may reach another operation, e.g. GET …/flags/runs is GET …/flags/{id}
                JsonNode declared = document.path("paths").path(request.operation().path().substring("/api/v1"
                        .length())).path(request.method().toLowerCase(Locale.ROOT));
                boolean bodiless = reply.status() == 415 && !declared.has("requestBody");
                if (!bodiless && !declared.isMissingNode()
                        && !declared.path("responses").has(String.valueOf(reply.status()))) {
                    undeclared.add(request.operation() + " " + reply.status());
                }
            } else if (reply.status() < 300 && request.writes()) {
                String accepted = request.method() + " " + request.operation().path();
                acceptedWrites.add(accepted + " as " + caller.name());
                written.addAll(WRITTEN_WHEN_ACCEPTED.getOrDefault(accepted, Set.of()));
            }
            caller.afterAnswer(reply);
        }
        Map<String, Long> after = rowCounts();
        Map<String, String> grown = new TreeMap<>();
        after.forEach((table, rows) -> {
            long was = before.getOrDefault(table, 0L);
            if (rows != was && !written.contains(table)) {
                grown.put(table, was + " -> " + rows);
            }
        });
        System.out.printf("Fuzz (seed %d): %d requests over %d operations; answers %s; writes accepted: %s; "
                + "tables changed beyond audit and attempts: %s%n", seed, FUZZ_REQUESTS, fuzz.operations().size(),
                answers, acceptedWrites, grown);
        assertEquals("server errors (seed " + seed + "): " + serverErrors, 0, serverErrors.size());
        assertEquals("errors that are not problem details: " + notProblems, 0, notProblems.size());
        assertEquals("refused requests left records; writes accepted: " + acceptedWrites, Map.of(), grown);
        assertEquals("answers the OpenAPI document does not declare", Set.of(), undeclared);
    }

    /** A caller of the fuzz: anonymous, with a forged token, or logged in with a role, logging in again if it must. */
    private record FuzzCaller(String name, Http[] current, Runnable login) {

        Http http() {
            return current[0];
        }

        /** A logout or a revoked session among the requests ends the caller's token: it logs in again. */
        void afterAnswer(Http.Reply reply) {
            if (login != null && (reply.status() == 401 || reply.status() == 204)
                    && http().get("/api/v1/me").status() == 401) {
                login.run();
            }
        }

        static List<FuzzCaller> all(Identity identity) {
            List<FuzzCaller> callers = new ArrayList<>();
            Http anonymous = identity.admin().http().as(null);
            callers.add(new FuzzCaller("anonymous", new Http[] {anonymous}, null));
            String real = identity.admin().token();
            String[] parts = real.split("\\.");
            String none = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
            Map<String, String> forged = Map.of("garbage", "garbage", "alg-none", none + "." + parts[1] + ".",
                    "bad-signature", parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse(),
                    "over-long", "a".repeat(9_000));
            forged.forEach((name, token) -> callers.add(new FuzzCaller(name, new Http[] {anonymous.as(token)}, null)));
            for (String role : List.of("PLATFORM_ADMIN", "OPERATOR", "AUDITOR", "CITY_REGULATOR")) {
                Identity.NewStaff staff = identity.newStaff(List.of(role), role.equals("CITY_REGULATOR") ? "440100"
                        : null, null);
                identity.firstLogin(staff.username(), staff.oneTimePassword());
                String credentials = "{\"username\":\"" + staff.username() + "\",\"password\":\""
                        + Identity.STAFF_PASSWORD + "\"}";
                callers.add(loggedIn(role, identity, credentials));
            }
            String idNumber = IdNumbers.next();
            identity.learner(Identity.registration(idNumber, null));
            callers.add(loggedIn("LEARNER", identity, "{\"idNumber\":\"" + idNumber + "\",\"password\":\""
                    + Identity.LEARNER_PASSWORD + "\"}"));
            return callers;
        }

        /**
         * A caller who logs in again when the fuzz ended their session; wrong current passwords among the requests
         * may have locked them out, and then they go on with their ended session.
         */
        private static FuzzCaller loggedIn(String name, Identity identity, String credentials) {
            Http[] current = {identity.login(credentials).http()};
            Http anonymous = current[0].as(null);
            return new FuzzCaller(name, current, () -> {
                Http.Reply login = anonymous.post("/api/v1/auth/login", credentials);
                if (login.status() == 200) {
                    current[0] = anonymous.as(login.json().get("accessToken").asText());
                }
            });
        }
    }

    /** Rows in each of the platform's tables. */
    private Map<String, Long> rowCounts() throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = database().getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet found = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                while (found.next()) {
                    tables.add(found.getString("TABLE_NAME"));
                }
            }
            for (String table : tables) {
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rows.next();
                    counts.put(table.toUpperCase(Locale.ROOT), rows.getLong(1));
                }
            }
        }
        return counts;
    }
}
