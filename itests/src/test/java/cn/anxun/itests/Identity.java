package cn.anxun.itests;

import static org.junit.Assert.assertEquals;

import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.karaf.features.FeaturesService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Accounts for the tests, made through the web API like any client would: staff by the administrator, learners by themselves. */
final class Identity {

    /** The first administrator's password; the test configuration carries its bcrypt hash. */
    static final String ADMIN_PASSWORD = "Admin-Passw0rd-IT";
    static final String ADMIN_PASSWORD_HASH = "$2a$11$fl5d6EvMEONH6jTdwz0UQ.uzbpGJer0WwAWi8tMlUWJqQJQafS7pi";
    static final String LEARNER_PASSWORD = "Study2026ok";
    static final String STAFF_PASSWORD = "Staff-2026-ok";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger NAMES = new AtomicInteger();

    /** A logged-in account. */
    record Account(String id, String token, String refreshToken, Http http) {
    }

    private final Http http;
    private Account admin;

    Identity(Http http) {
        this.http = http;
    }

    /**
     * Installs a city module, e.g. {@code guangzhou} for 440100, unless it is installed. The features service is
     * looked up at each call: Karaf replaces it when one of the services it depends on comes again.
     */
    static void cityInstalled(BundleContext context, Http http, String pinyin, String code) throws Exception {
        // between one features service and the next there is none for a moment
        AtomicReference<FeaturesService> service = new AtomicReference<>();
        Eventually.await("the features service is there", Duration.ofSeconds(30), () -> {
            ServiceReference<FeaturesService> reference = context.getServiceReference(FeaturesService.class);
            service.set(reference == null ? null : context.getService(reference));
            return service.get() != null;
        });
        FeaturesService features = service.get();
        String feature = "anxun-city-" + pinyin;
        if (!features.isInstalled(features.getFeature(feature))) {
            features.installFeature(feature, EnumSet.noneOf(FeaturesService.Option.class));
        }
        Eventually.await(code + " is installed", Duration.ofSeconds(30),
                () -> http.get("/api/v1/cities").body().contains(code));
    }

    /** The first administrator, logged in once per instance: bcrypt makes each login cost a quarter second. */
    Account admin() {
        if (admin == null) {
            admin = login("{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
        }
        return admin;
    }

    /** Creates a staff account with one role and logs it in. */
    Account staff(String role, String regionCode, String institutionId) {
        return staff(List.of(role), regionCode, institutionId);
    }

    /** Creates a staff account with these roles and logs it in. */
    Account staff(List<String> roles, String regionCode, String institutionId) {
        NewStaff created = newStaff(roles, regionCode, institutionId);
        return firstLogin(created.username(), created.oneTimePassword());
    }

    /** A staff account as its administrator created it, not yet logged in. */
    record NewStaff(String username, String oneTimePassword, String accountId) {
    }

    /** Creates a staff account with these roles and answers its user name and one-time password. */
    NewStaff newStaff(List<String> roles, String regionCode, String institutionId) {
        ObjectNode grant = JSON.createObjectNode();
        roles.forEach(grant.putArray("roles")::add);
        grant.put("regionCode", regionCode);
        grant.put("institutionId", institutionId);
        ObjectNode account = JSON.createObjectNode();
        account.put("username", roles.get(0).toLowerCase().replace('_', '-') + "-" + NAMES.incrementAndGet());
        account.put("displayName", "测试 " + roles.get(0));
        account.set("grant", grant);
        Http.Reply created = admin().http().post("/api/v1/staff", account.toString());
        assertEquals(created.body(), 201, created.status());
        return new NewStaff(account.get("username").asText(), created.json().get("password").asText(),
                created.json().get("accountId").asText());
    }

    /** Logs in with a one-time password and replaces it with {@link #STAFF_PASSWORD}, as the roles need. */
    Account firstLogin(String username, String oneTimePassword) {
        Account account = login("{\"username\":\"" + username + "\",\"password\":\"" + oneTimePassword + "\"}");
        Http.Reply changed = account.http().post("/api/v1/me/password", "{\"currentPassword\":\"" + oneTimePassword
                + "\",\"newPassword\":\"" + STAFF_PASSWORD + "\"}");
        assertEquals(changed.body(), 204, changed.status());
        return account;
    }

    /** A registration that passes every rule, to vary one field at a time. */
    static ObjectNode registration(String idNumber, String institutionId) {
        ObjectNode employer = JSON.createObjectNode();
        employer.put("name", "广州某化工有限公司");
        employer.put("creditCode", "91350100M000100Y43");
        ObjectNode registration = JSON.createObjectNode();
        registration.put("name", "买买提·艾力");
        registration.put("idNumber", idNumber);
        registration.put("password", LEARNER_PASSWORD);
        registration.set("employer", employer);
        registration.put("city", "440100");
        registration.put("county", "440103");
        registration.put("category", "SPECIAL_OPERATION");
        registration.put("operationType", "低压电工作业");
        registration.put("institutionId", institutionId);
        registration.put("facePhoto", Base64.getEncoder().encodeToString(Photos.of(Photos.CAGE)));
        return registration;
    }

    /** Registers a learner and logs them in. */
    Account learner(ObjectNode registration) {
        Http.Reply registered = http.post("/api/v1/learners", registration.toString());
        assertEquals(registered.body(), 201, registered.status());
        return login("{\"idNumber\":\"" + registration.get("idNumber").asText() + "\",\"password\":\""
                + registration.get("password").asText() + "\"}");
    }

    Account login(String credentials) {
        Http.Reply login = http.post("/api/v1/auth/login", credentials);
        assertEquals(login.body(), 200, login.status());
        String token = login.json().get("accessToken").asText();
        Http as = http.as(token);
        return new Account(as.get("/api/v1/me").json().get("accountId").asText(), token,
                login.json().get("refreshToken").asText(), as);
    }

    /** The audit rows the auditor finds for a query string such as {@code target=learner:…}. */
    static JsonNode audit(Account auditor, String query) {
        Http.Reply rows = auditor.http().get("/api/v1/audit?limit=500&" + query);
        assertEquals(rows.body(), 200, rows.status());
        return rows.json().get("items");
    }
}
