package cn.anxun.itests;

import static cn.anxun.itests.Problems.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The data feed read as the provincial, a city's and a county's supervision platform would: every record of
 * their region at first, then only what changed since, each item in the shape the published schema gives.
 */
public class FeedIT extends SharedPlatformTestSupport {

    private static final String GUANGZHOU = "440100";
    private static final String LIWAN = "440103";
    private static final String TIANHE = "440106";
    private static final String SHENZHEN = "440300";
    private static final String LUOHU = "440303";
    private static final List<String> KINDS = List.of("registrations", "classes", "enrolments", "certificates",
            "checkpoints");

    @Test
    public void eachReaderReadsItsRegionAndThenOnlyWhatChanged() throws Exception {
        Identity identity = new Identity(http);
        Identity.cityInstalled(bundleContext, http, "guangzhou", GUANGZHOU);
        Identity.cityInstalled(bundleContext, http, "shenzhen", SHENZHEN);
        Classroom guangzhou = Classroom.open(identity, "inst-feed-gz", GUANGZHOU, LIWAN);
        Classroom shenzhen = Classroom.open(identity, "inst-feed-sz", SHENZHEN, LUOHU);
        FeedReader province = FeedReader.issued(identity, http, "440000");
        FeedReader city = FeedReader.issued(identity, http, GUANGZHOU);
        FeedReader county = FeedReader.issued(identity, http, TIANHE);
        Ours ours = new Ours(Set.of(guangzhou.institutionRegistration(), shenzhen.institutionRegistration()),
                Set.of(guangzhou.trainingClass(), shenzhen.trainingClass()),
                new TreeSet<>(Set.of(guangzhou.learner().id(), shenzhen.learner().id())));
        JsonNode schema = http.get("/api/v1/feed/schema").json();

        // the first read gives everything in the reader's region, in pages of two
        Map<FeedReader, Map<String, FeedReader.Read>> first = new HashMap<>();
        for (FeedReader reader : List.of(province, city, county)) {
            Map<String, FeedReader.Read> reads = new HashMap<>();
            KINDS.forEach(kind -> reads.put(kind, reader.read(kind, null, 2)));
            reads.values().forEach(read -> read.items().forEach(item -> conforms(schema, item)));
            first.put(reader, reads);
        }
        assertEquals(ours.registrations(), ours.registrations(first.get(province)));
        assertEquals(Set.of(guangzhou.institutionRegistration()), ours.registrations(first.get(city)));
        assertEquals("a county reads its city's institutions", Set.of(guangzhou.institutionRegistration()),
                ours.registrations(first.get(county)));
        assertEquals(ours.classes(), ours.classes(first.get(province)));
        assertEquals(Set.of(guangzhou.trainingClass()), ours.classes(first.get(city)));
        assertEquals(Set.of(guangzhou.trainingClass()), ours.classes(first.get(county)));
        assertEquals(ours.learners(), ours.learners(first.get(province)));
        assertEquals(Set.of(guangzhou.learner().id()), ours.learners(first.get(city)));
        assertEquals("a county reads its own learners, not the city's others", Set.of(),
                ours.learners(first.get(county)));
        inRegion(first.get(city), GUANGZHOU, "4401");
        inRegion(first.get(county), GUANGZHOU, TIANHE);
        List<JsonNode> checkpoints = first.get(county).get("checkpoints").items();
        for (int i = 1; i < checkpoints.size(); i++) {
            assertTrue(checkpoints.get(i).get("treeSize").asLong() > checkpoints.get(i - 1).get("treeSize").asLong());
        }

        // nothing of ours changed: nothing of ours comes again
        for (FeedReader reader : List.of(province, city, county)) {
            Map<String, FeedReader.Read> again = after(reader, first.get(reader));
            assertEquals(Set.of(), ours.registrations(again));
            assertEquals(Set.of(), ours.classes(again));
            assertEquals(Set.of(), ours.learners(again));
        }

        // a learner of Tianhe enrols in the Guangzhou class, the Shenzhen registration is suspended
        String tianhe = identity.learner(Identity.registration(IdNumbers.next(), "inst-feed-gz")
                .put("city", GUANGZHOU).put("county", TIANHE)).id();
        ours.learners().add(tianhe);
        Http.Reply enrolled = guangzhou.admin().post("/api/v1/classes/" + guangzhou.trainingClass() + "/learners",
                "{\"learners\":[\"" + tianhe + "\"]}");
        assertEquals(enrolled.body(), 2, enrolled.json().get("learners").asInt());
        assertEquals("SUSPENDED", RegistrationsIT.decide(shenzhen.regulator(), shenzhen.institutionRegistration(),
                "SUSPEND", "视频课程未落实人脸识别").json().get("status").asText());

        Map<String, FeedReader.Read> changed = after(province, first.get(province));
        assertEquals(Set.of(shenzhen.institutionRegistration()), ours.registrations(changed));
        assertEquals("SUSPENDED", changed.get("registrations").items().stream().filter(item -> item.get("id")
                .asText().equals(shenzhen.institutionRegistration())).findFirst().orElseThrow().get("status")
                .asText());
        assertEquals("its number of learners changed", Set.of(guangzhou.trainingClass()), ours.classes(changed));
        assertEquals(Set.of(tianhe), ours.learners(changed));
        Map<String, FeedReader.Read> changedInCity = after(city, first.get(city));
        assertEquals(Set.of(), ours.registrations(changedInCity));
        assertEquals(Set.of(tianhe), ours.learners(changedInCity));
        Map<String, FeedReader.Read> changedInCounty = after(county, first.get(county));
        assertEquals(Set.of(guangzhou.trainingClass()), ours.classes(changedInCounty));
        assertEquals(Set.of(tianhe), ours.learners(changedInCounty));
        changedInCounty.values().forEach(read -> read.items().forEach(item -> conforms(schema, item)));

        // what the feed says about itself, and who may read it
        JsonNode kinds = province.http().get("/api/v1/feed").json();
        assertEquals("1.0", kinds.get("version").asText());
        Set<String> offered = new TreeSet<>();
        kinds.get("kinds").forEach(kind -> offered.add(kind.get("kind").asText()));
        assertEquals(new TreeSet<>(KINDS), offered);
        assertProblem(province.http().get("/api/v1/feed/enrolments?after=yesterday"), 422, "invalid-input");
        assertProblem(province.http().get("/api/v1/feed/enrolments?limit=0"), 422, "invalid-input");
        assertProblem(guangzhou.regulator().http().get("/api/v1/feed/enrolments"), 403, "forbidden");
        assertProblem(http.get("/api/v1/feed/enrolments"), 401, "login-required");

        // client credentials are a program's: no person's login, no other secret, no other grant
        assertProblem(http.post("/api/v1/auth/login", "{\"username\":\"" + province.clientId() + "\",\"password\":\""
                + province.secret() + "\"}"), 401, "login-failed");
        assertProblem(FeedReader.token(http, province.clientId(), province.secret() + "x"), 401, "login-failed");
        assertProblem(http.exchange("POST", "/api/v1/auth/token", Map.of("Content-Type",
                "application/x-www-form-urlencoded"), ("grant_type=password&client_id=" + province.clientId()
                        + "&client_secret=" + province.secret()).getBytes(StandardCharsets.US_ASCII)), 422,
                "invalid-input");
        Http.Reply inBody = http.exchange("POST", "/api/v1/auth/token", Map.of("Content-Type",
                "application/x-www-form-urlencoded"), ("grant_type=client_credentials&client_id="
                        + province.clientId() + "&client_secret=" + province.secret())
                        .getBytes(StandardCharsets.US_ASCII));
        assertEquals(inBody.body(), 200, inBody.status());
        assertTrue(inBody.body(), !inBody.json().has("refresh_token") && inBody.json().get("expires_in").asLong() > 0);

        // the kinds are for readers only
        assertProblem(guangzhou.regulator().http().get("/api/v1/feed"), 403, "forbidden");
        assertProblem(http.get("/api/v1/feed"), 401, "login-required");

        // a new secret: the old one and the tokens it gave stop working at once
        Identity.NewStaff rotating = identity.newStaff(List.of("FEED_READER"), LIWAN, null);
        Http.Reply before = FeedReader.token(http, rotating.username(), rotating.oneTimePassword());
        assertEquals(before.body(), 200, before.status());
        Http withOldToken = http.as(before.json().get("access_token").asText());
        assertEquals(200, withOldToken.get("/api/v1/feed").status());
        Http.Reply rotated = identity.admin().http().post("/api/v1/staff/" + rotating.accountId()
                + "/password-reset", "");
        assertEquals(rotated.body(), 200, rotated.status());
        String secret = rotated.json().get("password").asText();
        assertEquals(32, secret.length());
        assertEquals(401, withOldToken.get("/api/v1/feed").status());
        assertProblem(FeedReader.token(http, rotating.username(), rotating.oneTimePassword()), 401, "login-failed");
        Http.Reply after = FeedReader.token(http, rotating.username(), secret);
        assertEquals(after.body(), 200, after.status());
        assertEquals(200, http.as(after.json().get("access_token").asText()).get("/api/v1/feed").status());

        JsonNode reads = Identity.audit(identity.staff("AUDITOR", null, null), "action=feed.read");
        assertTrue(reads.toString(), reads.toString().contains("feed:enrolments"));
    }

    /** What this test made, among the shared platform's records. */
    private record Ours(Set<String> registrations, Set<String> classes, Set<String> learners) {

        Set<String> registrations(Map<String, FeedReader.Read> reads) {
            return of(reads.get("registrations"), item -> item.get("id").asText(), registrations);
        }

        Set<String> classes(Map<String, FeedReader.Read> reads) {
            return of(reads.get("classes"), item -> item.get("id").asText(), classes);
        }

        Set<String> learners(Map<String, FeedReader.Read> reads) {
            return of(reads.get("enrolments"), item -> item.get("learnerId").asText(), learners);
        }

        private static Set<String> of(FeedReader.Read read, Function<JsonNode, String> key, Set<String> ours) {
            Set<String> found = new TreeSet<>();
            List<String> all = new ArrayList<>();
            read.items().forEach(item -> all.add(key.apply(item)));
            all.stream().filter(ours::contains).forEach(found::add);
            assertEquals("each record once in a read: " + all, all.size(), new TreeSet<>(all).size());
            return found;
        }
    }

    /** Reads every kind after where the earlier reads ended. */
    private static Map<String, FeedReader.Read> after(FeedReader reader, Map<String, FeedReader.Read> earlier) {
        Map<String, FeedReader.Read> reads = new HashMap<>();
        KINDS.forEach(kind -> reads.put(kind, reader.read(kind, earlier.get(kind).next(), 500)));
        return reads;
    }

    /** Institutions and classes of the city; learners of the region. */
    private static void inRegion(Map<String, FeedReader.Read> reads, String city, String learners) {
        reads.get("registrations").items().forEach(item -> assertEquals(item.toString(), city,
                item.get("city").asText()));
        reads.get("classes").items().forEach(item -> assertEquals(item.toString(), city, item.get("city").asText()));
        reads.get("enrolments").items().forEach(item -> assertTrue(item.toString(), item.get("region").asText()
                .startsWith(learners)));
    }

    /** The item has exactly the properties of one definition of the schema, each of a type it allows. */
    static void conforms(JsonNode schema, JsonNode item) {
        Set<String> names = new TreeSet<>();
        item.fieldNames().forEachRemaining(names::add);
        JsonNode definition = null;
        for (JsonNode candidate : schema.get("$defs")) {
            Set<String> properties = new TreeSet<>();
            candidate.get("properties").fieldNames().forEachRemaining(properties::add);
            definition = properties.equals(names) ? candidate : definition;
        }
        assertTrue("no definition has the properties of " + item, definition != null);
        JsonNode required = definition.get("required");
        assertEquals(definition.toString(), names.size(), required.size());
        definition.get("properties").fields().forEachRemaining(property -> {
            Set<String> allowed = new TreeSet<>();
            JsonNode type = property.getValue().get("type");
            if (type.isArray()) {
                type.forEach(one -> allowed.add(one.asText()));
            } else {
                allowed.add(type.asText());
            }
            JsonNode value = item.get(property.getKey());
            String actual = value.isNull() ? "null" : value.isTextual() ? "string" : value.isIntegralNumber()
                    ? "integer" : value.isBoolean() ? "boolean" : value.isNumber() ? "number" : "object";
            assertTrue(property.getKey() + " of " + item + " is " + actual + ", not " + allowed,
                    allowed.contains(actual) || "integer".equals(actual) && allowed.contains("number"));
        });
    }
}
