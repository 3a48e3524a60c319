package cn.anxun.itests;

import static cn.anxun.itests.Problems.assertProblem;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.anxun.api.identity.StaffAuthenticator;

/**
 * Identity against the running distribution: registration rules, no contact data, sealed personal data, who may
 * see what, the audit log, lockout, token expiry and logout.
 */
public class IdentityIT extends SharedPlatformTestSupport {

    /** Bytes of a request body just over the 6 MiB the web API accepts. */
    private static final int OVER_THE_BODY_LIMIT = 6 * 1024 * 1024 + 3;


    @Inject
    private ConfigurationAdmin configurations;

    private Identity identity;

    @Before
    public void guangzhouInstalled() throws Exception {
        Identity.cityInstalled(bundleContext, http, "guangzhou", "440100");
        identity = new Identity(http);
    }

    @Test
    public void everyBrokenRuleIsNamedAndASecondRegistrationOfAnIdNumberConflicts() {
        ObjectNode bad = Identity.registration("440106199003071234", null);
        bad.put("name", "Zhang San");
        ((ObjectNode) bad.get("employer")).put("creditCode", "91350100M000100Y44");
        bad.put("county", "440305");
        bad.put("facePhoto", Base64.getEncoder().encodeToString("GIF89a not a photo".getBytes(StandardCharsets.US_ASCII)));
        JsonNode problem = assertProblem(http.post("/api/v1/learners", bad.toString()), 422, "invalid-input");
        assertEquals(Map.of("name", "chinese-name", "idNumber", "gb-11643-check-digit",
                "employer.creditCode", "gb-32100-check-character", "county", "county-of-city",
                "facePhoto", "image-type"), errors(problem));

        String idNumber = IdNumbers.next();
        ObjectNode good = Identity.registration(idNumber.replace('X', 'x'), null);
        Http.Reply created = http.post("/api/v1/learners", good.toString());
        assertEquals(created.body(), 201, created.status());
        assertEquals("the sex comes from the ID number's sequence digit",
                Character.digit(idNumber.charAt(16), 10) % 2 == 1 ? "MALE" : "FEMALE", created.json().get("sex").asText());
        assertEquals(IdNumbers.masked(idNumber), created.json().get("idNumber").asText());
        assertEquals("the Location is where the learner is", "/api/v1/learners/" + created.json().get("id").asText(),
                URI.create(created.header("Location").orElseThrow()).getPath());
        assertProblem(http.post("/api/v1/learners", good.toString()), 409, "conflict");
        Identity.Account auditor = identity.staff("AUDITOR", null, null);
        assertEquals("the refused second registration is audited", 1, Identity.audit(auditor,
                "action=learner.registration-refused&target=learner:" + created.json().get("id").asText()).size());

        String huge = "{\"name\":\"" + "张".repeat(OVER_THE_BODY_LIMIT / 3) + "\"}";
        assertProblem(http.post("/api/v1/learners", huge), 413, "payload-too-large");
    }

    @Test
    public void contactDataIsRefusedAndLeavesNoTraceInTheDatabase() throws SQLException {
        String idNumber = IdNumbers.next();
        long accounts = count("ACCOUNT");

        ObjectNode extraField = Identity.registration(idNumber, null);
        extraField.put("phone", "13812345678");
        JsonNode unknown = assertProblem(http.post("/api/v1/learners", extraField.toString()), 400, "unknown-field");
        assertEquals("phone", unknown.get("errors").get(0).get("field").asText());

        ObjectNode inEmployer = Identity.registration(idNumber, null);
        ((ObjectNode) inEmployer.get("employer")).put("name", "广州某化工有限公司 13812345678");
        inEmployer.put("jobTitle", "主任 微信 lh_anquan88");
        JsonNode screened = assertProblem(http.post("/api/v1/learners", inEmployer.toString()), 422, "invalid-input");
        assertEquals(Map.of("employer.name", "no-contact-data", "jobTitle", "no-contact-data"), errors(screened));

        ObjectNode landline = Identity.registration(idNumber, null);
        ((ObjectNode) landline.get("employer")).put("name", "佛山某某公司 电话 020-83139395");
        assertEquals(Map.of("employer.name", "no-contact-data"), errors(assertProblem(http.post("/api/v1/learners",
                landline.toString()), 422, "invalid-input")));

        assertEquals("no account was created", accounts, count("ACCOUNT"));
        assertEquals(List.of(), tablesContaining("13812345678", "lh_anquan88", "广州某化工有限公司 1", "83139395"));
        assertEquals("the ID number was not taken", 201,
                http.post("/api/v1/learners", Identity.registration(idNumber, null).toString()).status());
    }

    @Test
    public void personalDataIsNotInTheDatabaseFilesInClear() throws Exception {
        String idNumber = IdNumbers.next();
        String marker = uniqueChinese();
        ObjectNode registration = Identity.registration(idNumber, null);
        registration.put("operationType", "对照" + marker + "作业");
        registration.put("name", "对照·" + marker);
        ((ObjectNode) registration.get("employer")).put("name", marker + "有限公司");
        registration.put("jobTitle", marker + "班组长");
        byte[] photo = Base64.getDecoder().decode(registration.get("facePhoto").asText());
        Identity.Account learner = identity.learner(registration);

        byte[] files = DatabaseFiles.read(database());
        assertTrue("the scan sees what the database wrote: the operation type is kept in clear",
                DatabaseFiles.indexOf(files, ("对照" + marker + "作业").getBytes(StandardCharsets.UTF_8)) >= 0);
        for (String sealed : List.of("对照·" + marker, marker + "有限公司", marker + "班组长")) {
            assertEquals(sealed, -1, DatabaseFiles.indexOf(files, sealed.getBytes(StandardCharsets.UTF_8)));
            assertEquals(sealed, -1, DatabaseFiles.indexOf(files, sealed.getBytes(StandardCharsets.UTF_16BE)));
        }
        JsonNode shown = learner.http().get("/api/v1/learners/" + learner.id()).json();
        assertEquals("对照·" + marker, shown.get("name").asText());
        assertEquals(marker + "有限公司", shown.get("employer").get("name").asText());
        assertEquals(marker + "班组长", shown.get("jobTitle").asText());
        assertEquals(-1, DatabaseFiles.indexOf(files, idNumber.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(-1, DatabaseFiles.indexOf(files, idNumber.getBytes(StandardCharsets.UTF_16BE)));
        for (int offset : new int[] {64, photo.length / 2, photo.length - 96}) {
            assertEquals("photo bytes at " + offset, -1,
                    DatabaseFiles.indexOf(files, Arrays.copyOfRange(photo, offset, offset + 32)));
        }
        Http.Reply back = learner.http().get("/api/v1/learners/" + learner.id() + "/face-photo");
        assertEquals("image/jpeg", back.contentType());
        assertArrayEquals("the sealed photo opens to the very bytes given", photo, back.bytes());
        assertEquals(idNumber, learner.http().get("/api/v1/learners/" + learner.id() + "/personal-data").json()
                .get("idNumber").asText());
    }

    @Test
    public void rolesRegionsAndInstitutionsDecideAndEveryUnmaskedViewIsAudited() {
        String idNumber = IdNumbers.next();
        Identity.Account learner = identity.learner(Identity.registration(idNumber, "inst-a"));
        Identity.Account otherLearner = identity.learner(Identity.registration(IdNumbers.next(), "inst-b"));
        Identity.Account auditor = identity.staff("AUDITOR", null, null);
        Map<String, Identity.Account> callers = Map.of(
                "the learner", learner,
                "another learner", otherLearner,
                "Shenzhen's regulator", identity.staff("CITY_REGULATOR", "440300", null),
                "Guangzhou's regulator", identity.staff("CITY_REGULATOR", "440100", null),
                "the province", identity.staff("PROVINCE_REGULATOR", "440000", null),
                "Liwan's regulator", identity.staff("COUNTY_REGULATOR", "440103", null),
                "Yuexiu's regulator", identity.staff("COUNTY_REGULATOR", "440104", null),
                "institution A's administrator", identity.staff("INSTITUTION_ADMIN", null, "inst-a"),
                "institution A's staff", identity.staff("INSTITUTION_STAFF", null, "inst-a"),
                "institution B's administrator", identity.staff("INSTITUTION_ADMIN", null, "inst-b"));
        // caller -> status of: the masked record, the full ID number, the face photo
        Map<String, int[]> expected = Map.of(
                "the learner", new int[] {200, 200, 200},
                "another learner", new int[] {403, 403, 403},
                "Shenzhen's regulator", new int[] {403, 403, 403},
                "Guangzhou's regulator", new int[] {200, 200, 200},
                "the province", new int[] {200, 200, 200},
                "Liwan's regulator", new int[] {200, 200, 200},
                "Yuexiu's regulator", new int[] {403, 403, 403},
                "institution A's administrator", new int[] {200, 200, 200},
                "institution A's staff", new int[] {200, 403, 403},
                "institution B's administrator", new int[] {403, 403, 403});
        String base = "/api/v1/learners/" + learner.id();
        for (Map.Entry<String, int[]> row : expected.entrySet()) {
            Identity.Account caller = callers.get(row.getKey());
            Http.Reply masked = caller.http().get(base);
            Http.Reply full = caller.http().get(base + "/personal-data");
            Http.Reply photo = caller.http().get(base + "/face-photo");
            int[] statuses = {masked.status(), full.status(), photo.status()};
            assertArrayEquals(row.getKey() + " " + masked.body() + full.body(), row.getValue(), statuses);
            if (masked.status() == 200) {
                assertEquals(IdNumbers.masked(idNumber), masked.json().get("idNumber").asText());
                assertFalse(masked.body().contains(idNumber));
            } else {
                assertProblem(masked, 403, "forbidden");
            }
            auditRowOf(auditor, caller, full, "personal-data.read");
            auditRowOf(auditor, caller, photo, "face-photo.read");
        }
        assertProblem(http.get(base), 401, "login-required");
        assertProblem(http.as("not-a-token").get(base), 401, "invalid-token");
        assertProblem(learner.http().get("/api/v1/staff"), 403, "forbidden");
        assertProblem(learner.http().get("/api/v1/audit"), 403, "forbidden");
        for (String refused : new String[] {"staff.read", "audit.read"}) {
            JsonNode rows = Identity.audit(auditor, "action=" + refused + "&actor=" + learner.id());
            assertEquals(refused + " refused and audited", "denied", rows.path(0).path("outcome").asText());
        }

        JsonNode shenzhen = callers.get("Shenzhen's regulator").http().get("/api/v1/learners?limit=200").json();
        assertFalse(shenzhen.toString().contains(learner.id()));
        JsonNode institutionA = callers.get("institution A's staff").http().get("/api/v1/learners?limit=200").json();
        assertTrue(institutionA.toString().contains(learner.id()));
        assertFalse(institutionA.toString().contains(otherLearner.id()));
    }

    /** The audit row of that request: who, what, whom, and whether it was let through. */
    private static void auditRowOf(Identity.Account auditor, Identity.Account caller, Http.Reply reply, String action) {
        String requestId = reply.header("X-Request-Id").orElseThrow();
        List<JsonNode> rows = new ArrayList<>();
        Identity.audit(auditor, "action=" + action + "&actor=" + caller.id()).forEach(row -> {
            if (row.get("requestId").asText().equals(requestId)) {
                rows.add(row);
            }
        });
        assertEquals(action + " by " + caller.id(), 1, rows.size());
        assertEquals(reply.status() == 200 ? "success" : "denied", rows.get(0).get("outcome").asText());
        assertTrue(rows.get(0).get("target").asText().startsWith("learner:"));
    }

    @Test
    public void repeatedFailuresSlowDownThenLockAndTheLockIsAudited() {
        String idNumber = IdNumbers.next();
        Identity.Account learner = identity.learner(Identity.registration(idNumber, "inst-lock"));
        String wrong = "{\"idNumber\":\"" + idNumber + "\",\"password\":\"Wrong-2026\"}";
        String right = "{\"idNumber\":\"" + idNumber + "\",\"password\":\"" + Identity.LEARNER_PASSWORD + "\"}";
        assertProblem(http.post("/api/v1/auth/login", wrong), 401, "login-failed");
        assertProblem(http.post("/api/v1/auth/login", wrong), 401, "login-failed");
        Http.Reply third = http.post("/api/v1/auth/login", wrong);
        assertProblem(third, 401, "login-failed");
        assertEquals("1", third.header("Retry-After").orElseThrow());
        Http.Reply throttled = http.post("/api/v1/auth/login", right);
        assertProblem(throttled, 429, "login-throttled");

        Http.Reply fourth = attemptOnceAllowed(wrong);
        assertProblem(fourth, 401, "login-failed");
        Http.Reply fifth = attemptOnceAllowed(wrong);
        assertProblem(fifth, 423, "account-locked");
        assertTrue(fifth.header("Retry-After").orElseThrow(), Integer.parseInt(fifth.header("Retry-After").orElseThrow()) > 800);
        assertProblem(http.post("/api/v1/auth/login", right), 423, "account-locked");

        Identity.Account auditor = identity.staff("AUDITOR", null, null);
        JsonNode locks = Identity.audit(auditor, "action=account.locked&target=account:" + learner.id());
        assertEquals(1, locks.size());
        assertTrue(locks.get(0).get("detail").asText().startsWith("locked until "));
        assertEquals(5, Identity.audit(auditor, "action=login.failed&target=account:" + learner.id()).size());

        Identity.Account operator = identity.staff("OPERATOR", null, null);
        Http.Reply reset = operator.http().post("/api/v1/learners/" + learner.id() + "/password-reset", "");
        assertEquals(reset.body(), 200, reset.status());
        assertEquals("no-store", reset.header("Cache-Control").orElseThrow());
        Identity.Account oneTime = identity.login("{\"idNumber\":\"" + idNumber + "\",\"password\":\""
                + reset.json().get("password").asText() + "\"}");
        assertProblem(oneTime.http().get("/api/v1/learners/" + learner.id()), 403, "forbidden");
        assertProblem(learner.http().get("/api/v1/me"), 401, "token-revoked");
    }

    @Test
    public void parallelGuessesAreCountedOneByOne() throws Exception {
        String idNumber = IdNumbers.next();
        identity.learner(Identity.registration(idNumber, null));
        String wrong = "{\"idNumber\":\"" + idNumber + "\",\"password\":\"Wrong-2026\"}";
        ExecutorService guessers = Executors.newFixedThreadPool(10);
        try {
            List<Future<Integer>> guesses = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                guesses.add(guessers.submit(() -> http.post("/api/v1/auth/login", wrong).status()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> guess : guesses) {
                statuses.add(guess.get(60, TimeUnit.SECONDS));
            }
            // three failures are considered, one after another; the rest arrive while the account must wait
            assertEquals(statuses.toString(), 3, statuses.stream().filter(status -> status == 401).count());
            assertEquals(statuses.toString(), 7, statuses.stream().filter(status -> status == 429).count());
        } finally {
            guessers.shutdownNow();
        }
    }

    @Test
    public void aDisabledStaffAccountLogsInNoMoreUntilEnabledAndItsSessionsEnd() {
        Identity.NewStaff created = identity.newStaff(List.of("AUDITOR"), null, null);
        Identity.Account auditor = identity.firstLogin(created.username(), created.oneTimePassword());
        String id = auditor.http().get("/api/v1/me").json().get("accountId").asText();
        String login = "{\"username\":\"" + created.username() + "\",\"password\":\"" + Identity.STAFF_PASSWORD + "\"}";
        Http admin = identity.admin().http();
        assertEquals(Map.of("reason", "required"), errors(assertProblem(admin.post("/api/v1/staff/" + id + "/disable",
                "{}"), 422, "invalid-input")));

        Http.Reply disabled = admin.post("/api/v1/staff/" + id + "/disable", "{\"reason\":\"调离岗位\"}");
        assertEquals(disabled.body(), 200, disabled.status());
        assertEquals("调离岗位", disabled.json().get("disabledReason").asText());
        assertProblem(auditor.http().get("/api/v1/me"), 401, "token-revoked");
        Http.Reply refused = http.post("/api/v1/auth/login", login);
        assertProblem(refused, 401, "login-failed");
        assertEquals("answered like a wrong password", http.post("/api/v1/auth/login", login.replace(
                Identity.STAFF_PASSWORD, "Wrong-2026-pw")).json().get("detail"), refused.json().get("detail"));

        String self = admin.get("/api/v1/me").json().get("accountId").asText();
        assertProblem(admin.post("/api/v1/staff/" + self + "/disable", "{\"reason\":\"test\"}"), 403, "forbidden");
        assertEquals(200, admin.post("/api/v1/staff/" + id + "/enable", "").status());
        assertTrue(admin.get("/api/v1/staff/" + id).json().get("disabledAt").isNull());
        Eventually.await("the enabled account logs in once the failed attempts' wait is over", Duration.ofSeconds(10),
                () -> http.post("/api/v1/auth/login", login).status() == 200);
        JsonNode rows = Identity.audit(identity.staff("AUDITOR", null, null), "target=staff:" + id);
        List<String> actions = new ArrayList<>();
        rows.forEach(row -> actions.add(row.get("action").asText()));
        assertTrue(actions.toString(), actions.containsAll(List.of("staff.disabled", "staff.enabled")));
    }

    @Test
    public void answersWithPersonalDataAreNotStoredByCachesAndCarryTheSecurityHeaders() {
        Identity.Account learner = identity.learner(Identity.registration(IdNumbers.next(), null));
        Http operator = identity.staff("OPERATOR", null, null).http();
        Http auditor = identity.staff("AUDITOR", null, null).http();
        Map<String, Http.Reply> answers = Map.of(
                "learners", operator.get("/api/v1/learners"),
                "a learner", operator.get("/api/v1/learners/" + learner.id()),
                "the audit log", auditor.get("/api/v1/audit"),
                "face checks", operator.get("/api/v1/learners/" + learner.id() + "/face-checks"),
                "a refusal", http.get("/api/v1/me"));
        answers.forEach((what, reply) -> {
            assertTrue(what + ": " + reply.status(), reply.status() < 300 || what.equals("a refusal"));
            assertEquals(what, "no-store", reply.header("Cache-Control").orElse(null));
            assertEquals(what, "nosniff", reply.header("X-Content-Type-Options").orElse(null));
            assertEquals(what, "no-referrer", reply.header("Referrer-Policy").orElse(null));
            assertEquals(what, "default-src 'none'; frame-ancestors 'none'",
                    reply.header("Content-Security-Policy").orElse(null));
        });
    }

    @Test
    public void nobodyChangesTheirOwnRoles() {
        Identity.Account admin = identity.admin();
        String self = admin.http().get("/api/v1/me").json().get("accountId").asText();
        assertProblem(admin.http().method("PUT", "/api/v1/staff/" + self + "/grant",
                "{\"roles\":[\"PLATFORM_ADMIN\",\"AUDITOR\"]}"), 403, "forbidden");
        assertEquals("[\"PLATFORM_ADMIN\"]", admin.http().get("/api/v1/me").json().get("roles").toString());
        JsonNode denied = Identity.audit(identity.staff("AUDITOR", null, null),
                "action=staff.update&target=staff:" + self);
        assertEquals("denied", denied.get(0).get("outcome").asText());
    }

    @Test
    public void staffLoginsWaitingOnASlowAuthenticatorHoldNoDatabaseConnection() throws Exception {
        int logins = 24; // more than the pool's 16 connections
        List<String> usernames = new ArrayList<>();
        for (int i = 0; i <= logins; i++) {
            usernames.add(identity.newStaff(List.of("AUDITOR"), null, null).username());
        }
        String probe = usernames.remove(0);
        HeldAuthenticator held = new HeldAuthenticator();
        ServiceRegistration<StaffAuthenticator> registration =
                bundleContext.registerService(StaffAuthenticator.class, held, null);
        ExecutorService clients = Executors.newFixedThreadPool(logins);
        try {
            setIdentity("staffAuthenticator", HeldAuthenticator.ID);
            Eventually.await("staff logins ask the held authenticator", Duration.ofSeconds(20),
                    () -> http.post("/api/v1/auth/login", staffLogin(probe)).status() == 200);
            held.gate.set(new CountDownLatch(1));
            held.waiting.set(0);
            Http patient = http.patient(Duration.ofSeconds(60));
            List<Future<Http.Reply>> replies = new ArrayList<>();
            for (String username : usernames) {
                replies.add(clients.submit(() -> patient.post("/api/v1/auth/login", staffLogin(username))));
            }
            Eventually.await("every login waits in the authenticator", Duration.ofSeconds(30),
                    () -> held.waiting.get() == logins);
            assertEquals("the database serves others meanwhile", 200, http.get("/api/v1/programmes").status());
            identity.learner(Identity.registration(IdNumbers.next(), null));
            held.gate.get().countDown();
            for (Future<Http.Reply> reply : replies) {
                Http.Reply login = reply.get(60, TimeUnit.SECONDS);
                assertEquals(login.body(), 200, login.status());
            }
        } finally {
            held.gate.get().countDown();
            clients.shutdownNow();
            setIdentity("staffAuthenticator", "local");
            Eventually.await("staff logins are checked by their password again", Duration.ofSeconds(20),
                    () -> http.post("/api/v1/auth/login", staffLogin(probe)).status() != 200);
            registration.unregister();
        }
    }

    private static String staffLogin(String username) {
        return "{\"username\":\"" + username + "\",\"password\":\"not-the-password\"}";
    }

    /** Answers at once until its gate is set, then only once the gate opens: a remote identity service, slowed. */
    private static final class HeldAuthenticator implements StaffAuthenticator {

        static final String ID = "held";

        final AtomicReference<CountDownLatch> gate = new AtomicReference<>(new CountDownLatch(0));
        final AtomicInteger waiting = new AtomicInteger();

        @Override
        public String id() {
            return ID;
        }

        @Override
        public Optional<String> authenticate(String username, String secret) {
            waiting.incrementAndGet();
            try {
                return gate.get().await(60, TimeUnit.SECONDS) ? Optional.of(username) : Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    @Test
    public void anUnknownIdNumberIsAnsweredLikeAKnownOneAndALockHoldsForItsAddressOnly() throws Exception {
        String known = IdNumbers.next();
        identity.learner(Identity.registration(known, null));
        String unknown = IdNumbers.next();
        trustLoopbackAsProxy(true);
        try {
            Http fromA = http.from("203.0.113.7");
            List<String> knownAnswers = fiveWrongLogins(fromA, known);
            assertEquals(List.of("401", "401", "401 Retry-After", "401 Retry-After", "423 Retry-After"), knownAnswers);
            assertEquals("an unknown ID number gets the same answers", knownAnswers, fiveWrongLogins(fromA, unknown));

            String right = "{\"idNumber\":\"" + known + "\",\"password\":\"" + Identity.LEARNER_PASSWORD + "\"}";
            assertProblem(fromA.post("/api/v1/auth/login", right), 423, "account-locked");
            assertEquals("the lock holds for the address that earned it", 200,
                    http.from("198.51.100.9").post("/api/v1/auth/login", right).status());
            assertProblem(http.from("198.51.100.9").post("/api/v1/auth/login", "{\"idNumber\":\"" + unknown
                    + "\",\"password\":\"Wrong-2026\"}"), 401, "login-failed");
        } finally {
            trustLoopbackAsProxy(false);
        }
    }

    @Test
    public void aSquattedIdNumberIsGivenBackToItsHolderAndTheSquatterDisabled() {
        String idNumber = IdNumbers.next();
        Identity.Account squatter = identity.learner(Identity.registration(idNumber, null));
        ObjectNode holder = Identity.registration(idNumber, null);
        holder.put("password", "Holder-2026-ok");
        assertProblem(http.post("/api/v1/learners", holder.toString()), 409, "conflict");

        String release = "/api/v1/learners/" + squatter.id() + "/id-number-release";
        String reason = "{\"reason\":\"持证人本人携身份证原件到广州市应急管理局核验\"}";
        assertProblem(identity.staff("CITY_REGULATOR", "440100", null).http().post(release, reason), 403, "forbidden");
        Http operator = identity.staff("OPERATOR", null, null).http();
        assertEquals(Map.of("reason", "required"), errors(assertProblem(operator.post(release, "{}"), 422,
                "invalid-input")));
        Http.Reply released = operator.post(release, reason);
        assertEquals(released.body(), 200, released.status());
        assertTrue(released.json().get("disabledReason").asText().contains("身份证原件"));
        assertProblem(squatter.http().get("/api/v1/me"), 401, "token-revoked");
        assertProblem(http.post("/api/v1/auth/login", "{\"idNumber\":\"" + idNumber + "\",\"password\":\""
                + Identity.LEARNER_PASSWORD + "\"}"), 401, "login-failed");

        Identity.Account owner = identity.learner(holder);
        assertNotEquals(squatter.id(), owner.id());
        assertProblem(operator.post(release, reason), 409, "conflict");
        assertEquals("the squatter's account stays, disabled", squatter.id(),
                operator.get("/api/v1/learners/" + squatter.id()).json().get("id").asText());
        assertEquals(1, Identity.audit(identity.staff("AUDITOR", null, null),
                "action=learner.id-number-released&target=learner:" + squatter.id()).size());
    }

    @Test
    public void registrationsFromOneAddressAreLimitedWhateverTheyEndIn() throws Exception {
        trustLoopbackAsProxy(true);
        setIdentity("registrationsPerAddress", "2");
        try {
            Eventually.await("two registrations per address", Duration.ofSeconds(20),
                    () -> threeAttempts(http.from(nextAddress())).equals(List.of(422, 422, 429)));
            Http from = http.from(nextAddress());
            assertEquals(List.of(422, 422, 429), threeAttempts(from));
            String idNumber = IdNumbers.next();
            Http.Reply refused = from.post("/api/v1/learners", Identity.registration(idNumber, null).toString());
            assertProblem(refused, 429, "too-many-requests");
            assertTrue(refused.header("Retry-After").isPresent());
            assertEquals("another address registers the same learner", 201, http.from(nextAddress())
                    .post("/api/v1/learners", Identity.registration(idNumber, null).toString()).status());
        } finally {
            setIdentity("registrationsPerAddress", AnxunTestSupport.REGISTRATIONS_PER_ADDRESS);
            Eventually.await("the suite's registration limit", Duration.ofSeconds(20),
                    () -> !threeAttempts(http.from(nextAddress())).contains(429));
            trustLoopbackAsProxy(false);
        }
    }

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    private static String nextAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.18." + (n / 250) + "." + (n % 250 + 1);
    }

    /** The statuses of three registrations without a body from one client. */
    private static List<Integer> threeAttempts(Http client) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(client.post("/api/v1/learners", "{}").status());
        }
        return statuses;
    }

    @Test
    public void learnersAreFoundByNameWithinWhatTheCallerMaySeeAndTheSearchIsAudited() {
        String name = "艾力·" + uniqueChinese();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ObjectNode registration = Identity.registration(IdNumbers.next(), null);
            registration.put("name", name);
            ids.add(identity.learner(registration).id());
        }
        Identity.Account other = identity.learner(Identity.registration(IdNumbers.next(), null));
        Http operator = identity.staff("OPERATOR", null, null).http();
        String query = "/api/v1/learners?name=" + URLEncoder.encode(" " + name.replace("·", "．") + " ",
                StandardCharsets.UTF_8);
        JsonNode found = operator.get(query).json();
        assertEquals(2, found.get("total").asLong());
        List<String> foundIds = new ArrayList<>();
        found.get("items").forEach(item -> foundIds.add(item.get("id").asText()));
        assertEquals(ids, foundIds);
        assertEquals("a learner finds no one else", 0, other.http().get(query).json().get("total").asLong());
        assertEquals(0, identity.staff("CITY_REGULATOR", "440300", null).http().get(query).json().get("total")
                .asLong());
        assertEquals(Map.of("name", "required"), errors(assertProblem(operator.get("/api/v1/learners?name="), 422,
                "invalid-input")));
        JsonNode audited = Identity.audit(identity.staff("AUDITOR", null, null), "action=learner.search");
        assertTrue(audited.size() >= 3);
        audited.forEach(row -> assertFalse("the audit keeps no name", row.toString().contains(name)));
    }

    /** Chinese characters no other test uses, from the clock. */
    private static String uniqueChinese() {
        StringBuilder chinese = new StringBuilder();
        Long.toString(System.nanoTime()).chars()
                .forEach(digit -> chinese.append("零一二三四五六七八九".charAt(digit - '0')));
        return chinese.toString();
    }

    @Test
    public void failuresFromManyAddressesSlowTheAccountDownEverywhereButNeverLockIt() throws Exception {
        String known = IdNumbers.next();
        identity.learner(Identity.registration(known, null));
        String unknown = IdNumbers.next();
        trustLoopbackAsProxy(true);
        setIdentityAndAwait("failuresEverywhereBeforeDelay", "4");
        // long enough that the fifth attempts come within the first wait, however slow the machine
        setIdentityAndAwait("delaySeconds", "8");
        try {
            List<String> knownAnswers = new ArrayList<>();
            List<String> unknownAnswers = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                knownAnswers.add(wrongLogin(http.from(nextAddress()), known));
                unknownAnswers.add(wrongLogin(http.from(nextAddress()), unknown));
            }
            assertEquals("one failure from each of five addresses", List.of("401", "401", "401", "401 Retry-After",
                    "429 Retry-After"), knownAnswers);
            assertEquals("an unknown ID number gets the same answers", knownAnswers, unknownAnswers);

            String right = "{\"idNumber\":\"" + known + "\",\"password\":\"" + Identity.LEARNER_PASSWORD + "\"}";
            assertProblem(http.from(nextAddress()).post("/api/v1/auth/login", right), 429, "login-throttled");
            Eventually.await("the holder logs in once the wait is over, never locked", Duration.ofSeconds(30), () -> {
                Http.Reply login = http.from(nextAddress()).post("/api/v1/auth/login", right);
                assertNotEquals(423, login.status());
                return login.status() == 200;
            });
            assertEquals("the success cleared the count", "401", wrongLogin(http.from(nextAddress()), known));
        } finally {
            setIdentityAndAwait("failuresEverywhereBeforeDelay", "20");
            setIdentityAndAwait("delaySeconds", "1");
            trustLoopbackAsProxy(false);
        }
    }

    /** One wrong password for the ID number: the answer's status, and whether it says when to retry. */
    private static String wrongLogin(Http client, String idNumber) {
        Http.Reply reply = client.post("/api/v1/auth/login", "{\"idNumber\":\"" + idNumber
                + "\",\"password\":\"Wrong-2026\"}");
        return reply.status() + (reply.header("Retry-After").isPresent() ? " Retry-After" : "");
    }

    /** Sets an identity setting and waits until the login sessions component runs with it. */
    private void setIdentityAndAwait(String key, String value) throws IOException {
        setIdentity(key, value);
        awaitConfigured("cn.anxun.identity", "cn.anxun.identity.internal.SessionsImpl",
                "logins run with " + key + " = " + value,
                properties -> value.equals(String.valueOf(properties.get(key))));
    }

    /** Five wrong passwords for the ID number, waiting out each delay: each answer's status and Retry-After. */
    private List<String> fiveWrongLogins(Http client, String idNumber) {
        String wrong = "{\"idNumber\":\"" + idNumber + "\",\"password\":\"Wrong-2026\"}";
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Http.Reply[] considered = new Http.Reply[1];
            Eventually.await("a login attempt is considered again", Duration.ofSeconds(10), () -> {
                considered[0] = client.post("/api/v1/auth/login", wrong);
                return considered[0].status() != 429;
            });
            answers.add(considered[0].status() + (considered[0].header("Retry-After").isPresent() ? " Retry-After" : ""));
        }
        return answers;
    }

    /** Lets the tests' own connections, from the loopback, stand for a reverse proxy, or stops it. */
    private void trustLoopbackAsProxy(boolean trusted) throws IOException {
        String[] proxies = trusted ? new String[] {"127.0.0.1", "0:0:0:0:0:0:0:1"} : new String[0];
        org.osgi.service.cm.Configuration configuration = configurations.getConfiguration("cn.anxun.rest", null);
        Dictionary<String, Object> properties = configuration.getProperties();
        properties.put("trustedProxies", proxies);
        configuration.update(properties);
        awaitConfigured("cn.anxun.rest", "cn.anxun.rest.internal.CallerAuthentication",
                "the web API trusts " + Arrays.toString(proxies),
                running -> running.get("trustedProxies") instanceof String[] now && Arrays.equals(proxies, now));
    }

    /** Polls through the 429s of a throttled account and answers the first attempt that was considered. */
    private Http.Reply attemptOnceAllowed(String credentials) {
        Http.Reply[] considered = new Http.Reply[1];
        Eventually.await("a login attempt is considered again", Duration.ofSeconds(10), () -> {
            Http.Reply reply = http.post("/api/v1/auth/login", credentials);
            considered[0] = reply;
            return reply.status() != 429;
        });
        return considered[0];
    }

    @Test
    public void accessTokensExpireAndRefreshTokensAreSpentOnce() throws IOException {
        Identity.Account learner = identity.learner(Identity.registration(IdNumbers.next(), null));
        setAccessTokenSeconds("2");
        try {
            String[] tokens = new String[2];
            Eventually.await("new logins get 2-second tokens", Duration.ofSeconds(20), () -> {
                JsonNode login = http.post("/api/v1/auth/login", "{\"username\":\"admin\",\"password\":\""
                        + Identity.ADMIN_PASSWORD + "\"}").json();
                tokens[0] = login.get("accessToken").asText();
                tokens[1] = login.get("refreshToken").asText();
                return login.get("expiresIn").asInt() == 2;
            });
            Eventually.await("the access token expires", Duration.ofSeconds(10),
                    () -> http.as(tokens[0]).get("/api/v1/me").status() == 401);
            assertProblem(http.as(tokens[0]).get("/api/v1/me"), 401, "token-expired");

            Http.Reply refreshed = http.post("/api/v1/auth/refresh", "{\"refreshToken\":\"" + tokens[1] + "\"}");
            assertEquals(refreshed.body(), 200, refreshed.status());
            String access = refreshed.json().get("accessToken").asText();
            assertFalse("a new refresh token", tokens[1].equals(refreshed.json().get("refreshToken").asText()));
            assertProblem(http.post("/api/v1/auth/refresh", "{\"refreshToken\":\"" + tokens[1] + "\"}"), 401,
                    "invalid-token");
            assertProblem(http.as(access).get("/api/v1/me"), 401, "token-revoked");
        } finally {
            setAccessTokenSeconds("900");
        }
        assertEquals(200, learner.http().get("/api/v1/me").status());
    }

    private void setAccessTokenSeconds(String seconds) throws IOException {
        setIdentity("accessTokenSeconds", seconds);
        Eventually.await("tokens of " + seconds + " s", Duration.ofSeconds(20), () -> http.post("/api/v1/auth/login",
                "{\"username\":\"admin\",\"password\":\"" + Identity.ADMIN_PASSWORD + "\"}").json()
                .get("expiresIn").asText().equals(seconds));
    }

    private void setIdentity(String key, String value) throws IOException {
        org.osgi.service.cm.Configuration configuration = configurations.getConfiguration("cn.anxun.identity", null);
        Dictionary<String, Object> properties = configuration.getProperties();
        properties.put(key, value);
        configuration.update(properties);
    }

    @Test
    public void logoutRevokesTheAccessAndTheRefreshToken() {
        Identity.Account learner = identity.learner(Identity.registration(IdNumbers.next(), null));
        assertEquals(200, learner.http().get("/api/v1/me").status());
        assertEquals(204, learner.http().post("/api/v1/auth/logout", "").status());
        assertProblem(learner.http().get("/api/v1/me"), 401, "token-revoked");
        assertProblem(http.post("/api/v1/auth/refresh", "{\"refreshToken\":\"" + learner.refreshToken() + "\"}"), 401,
                "invalid-token");
    }

    @Test
    public void aBrowserPageKeepsItsSessionInCookiesNoScriptReadsAndChangesNeedItsOwnHeader() {
        ObjectNode registration = Identity.registration(IdNumbers.next(), null);
        assertEquals(201, http.post("/api/v1/learners", registration.toString()).status());
        Http.Reply login = http.post("/api/v1/auth/login", "{\"idNumber\":\"" + registration.get("idNumber").asText()
                + "\",\"password\":\"" + Identity.LEARNER_PASSWORD + "\",\"cookies\":true}");
        assertEquals(login.body(), 200, login.status());
        assertTrue(login.body(), login.json().get("accessToken").isNull() && login.json().get("refreshToken").isNull());
        Map<String, String> cookies = cookies(login);
        for (String set : login.headers().allValues("Set-Cookie")) {
            assertTrue(set, set.contains("HttpOnly") && set.contains("SameSite=Strict"));
        }
        assertTrue(login.headers().allValues("Set-Cookie").toString(), login.headers().allValues("Set-Cookie")
                .stream().anyMatch(set -> set.startsWith("anxun_refresh=") && set.contains("Path=/api/v1/auth;")));
        String access = "anxun_access=" + cookies.get("anxun_access");
        Http.Reply me = http.exchange("GET", "/api/v1/me", Map.of("Cookie", access), null);
        assertEquals(me.body(), 200, me.status());
        String learner = me.json().get("accountId").asText();

        // another site's page cannot add the header without the API's consent: a change without it is refused
        Map<String, String> json = Map.of("Cookie", access, "Content-Type", "application/json");
        byte[] attempt = "{\"currentPassword\":\"x\",\"newPassword\":\"y\"}".getBytes(StandardCharsets.UTF_8);
        assertProblem(http.exchange("POST", "/api/v1/me/password", json, attempt), 401, "cookie-without-header");
        Map<String, String> page = new HashMap<>(json);
        page.put("X-Requested-With", "anxun-web");
        assertProblem(http.exchange("POST", "/api/v1/me/password", page, attempt), 422, "invalid-input");

        Map<String, String> refreshing = Map.of("Cookie", "anxun_refresh=" + cookies.get("anxun_refresh"),
                "Content-Type", "application/json", "X-Requested-With", "anxun-web");
        Http.Reply refreshed = http.exchange("POST", "/api/v1/auth/refresh", refreshing, "{}".getBytes());
        assertEquals(refreshed.body(), 200, refreshed.status());
        String renewed = "anxun_access=" + cookies(refreshed).get("anxun_access");
        assertEquals(learner, http.exchange("GET", "/api/v1/me", Map.of("Cookie", renewed), null).json()
                .get("accountId").asText());

        Http.Reply logout = http.exchange("POST", "/api/v1/auth/logout", Map.of("Cookie", renewed,
                "X-Requested-With", "anxun-web"), null);
        assertEquals(logout.body(), 204, logout.status());
        assertTrue(logout.headers().allValues("Set-Cookie").toString(), logout.headers().allValues("Set-Cookie")
                .stream().allMatch(set -> set.contains("=; Path=") && set.contains("Max-Age=0")));
        assertProblem(http.exchange("GET", "/api/v1/me", Map.of("Cookie", renewed), null), 401, "token-revoked");
        assertProblem(http.exchange("POST", "/api/v1/auth/refresh", refreshing, "{}".getBytes()), 401,
                "invalid-token");
    }

    /** The cookies an answer sets, by name. */
    private static Map<String, String> cookies(Http.Reply reply) {
        Map<String, String> cookies = new HashMap<>();
        reply.headers().allValues("Set-Cookie").forEach(set -> {
            String pair = set.substring(0, set.indexOf(';'));
            cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        });
        return cookies;
    }

    @Test
    public void theConsoleGivesAStaffAccountANewPasswordUnderTheConsoleUsersName() throws Exception {
        Identity.Account auditor = identity.staff("AUDITOR", null, null);
        String username = identity.admin().http().get("/api/v1/staff/" + auditor.id()).json().get("username").asText();
        String output = shell("anxun:staff-password-reset " + username);
        Matcher printed = Pattern.compile("One-time password of " + username + ": (\\S+)").matcher(output);
        assertTrue(output, printed.find());

        assertProblem(auditor.http().get("/api/v1/me"), 401, "token-revoked");
        Identity.Account oneTime = identity.login("{\"username\":\"" + username + "\",\"password\":\""
                + printed.group(1) + "\"}");
        JsonNode pending = assertProblem(oneTime.http().get("/api/v1/audit"), 403, "forbidden");
        assertTrue(pending.toString(), pending.get("detail").asText().contains("/api/v1/me/password"));
        Identity.Account again = identity.firstLogin(username, printed.group(1));
        JsonNode resets = Identity.audit(again, "action=password.reset&target=staff:" + auditor.id());
        assertEquals(1, resets.size());
        assertTrue(resets.get(0).toString(), resets.get(0).get("actor").asText().startsWith("console:"));
        assertTrue(shell("anxun:staff-password-reset nobody-here").contains("There is no staff account"));
    }

    @Test
    public void theOpenApiDocumentDescribesIdentityAndHasNoContactField() {
        JsonNode openApi = http.get("/api/v1/openapi.json").json();
        for (String path : new String[] {"/learners", "/learners/{id}/personal-data", "/auth/login", "/auth/refresh",
            "/auth/logout", "/me", "/staff", "/audit"}) {
            assertTrue(path, openApi.get("paths").has(path));
        }
        assertEquals("bearer", openApi.at("/components/securitySchemes/bearer/scheme").asText());
        // what describes a person; an institution's training-site address is not a learner's contact detail
        for (String person : new String[] {"LearnerRegistration", "Learner", "PersonalData", "Employer",
            "StaffAccount", "NewStaffAccount", "Me"}) {
            JsonNode schema = openApi.at("/components/schemas/" + person);
            assertFalse(person, schema.isMissingNode());
            schema.path("properties").fieldNames().forEachRemaining(field -> assertFalse(person + "." + field,
                    field.matches("(?i).*(phone|mobile|wechat|weixin|qq|mail|address|contact).*")));
        }
    }

    private static Map<String, String> errors(JsonNode problem) {
        Map<String, String> errors = new java.util.HashMap<>();
        problem.get("errors").forEach(error -> errors.put(error.get("field").asText(), error.get("rule").asText()));
        return errors;
    }

    private long count(String table) throws SQLException {
        try (Connection connection = database().getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Every table with a value that contains one of the texts, as {@code TABLE.COLUMN}. */
    private List<String> tablesContaining(String... texts) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection connection = database().getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rows.next()) {
                    tables.add("\"" + rows.getString("TABLE_SCHEM") + "\".\"" + rows.getString("TABLE_NAME") + "\"");
                }
            }
            // Derby keeps names in upper case, PostgreSQL in lower case
            assertTrue(tables.toString(), tables.stream().anyMatch(table -> table.toUpperCase(Locale.ROOT)
                    .endsWith(".\"LEARNER\"")));
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    while (rows.next()) {
                        for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                            String value = text(rows.getObject(column));
                            if (value != null && Stream.of(texts).anyMatch(value::contains)) {
                                found.add(table + "." + rows.getMetaData().getColumnName(column));
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    private static String text(Object value) throws SQLException {
        if (value instanceof Blob blob) {
            return new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.UTF_8);
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}
