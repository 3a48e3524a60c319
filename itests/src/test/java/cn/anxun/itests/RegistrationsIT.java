package cn.anxun.itests;

import static cn.anxun.itests.Problems.assertProblem;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Registration of online training institutions in cities against the running distribution: intents, the city
 * regulator's decisions, announcements, reports to the province, the public listing and the institution's records.
 */
public class RegistrationsIT extends SharedPlatformTestSupport {

    private static final String GUANGZHOU_LISTING = "/api/v1/public/cities/440100/institutions";

    @Inject
    private FeaturesService features;

    private Identity identity;
    private Identity.Account guangzhou;

    @Before
    public void citiesInstalled() throws Exception {
        Identity.cityInstalled(bundleContext, http, "guangzhou", "440100");
        Identity.cityInstalled(bundleContext, http, "shenzhen", "440300");
        identity = new Identity(http);
        guangzhou = identity.staff("CITY_REGULATOR", "440100", null);
    }

    @Test
    public void oneInstitutionIsRegisteredInOneCityAndRejectedInAnother() {
        inGuangzhouRegister("广州安培职业培训学校", "9144030071526726XG");
        Identity.Account institution = identity.staff("INSTITUTION_ADMIN", null, "inst-anpei");
        byte[] letter = pdf("Intent to register in Guangzhou");
        JsonNode toGuangzhou = submit(institution, "440100", "9144030071526726XG", upload(institution, letter));
        JsonNode toShenzhen = submit(institution, "440300", "9144030071526726XG",
                upload(institution, pdf("Intent to register in Shenzhen")));
        assertEquals("9144030071526726XG", toGuangzhou.path("offlineMatch").path("creditCode").asText());
        assertTrue(toShenzhen.path("offlineMatch").isNull());
        String guangzhouId = toGuangzhou.get("id").asText();
        String shenzhenId = toShenzhen.get("id").asText();

        Identity.Account shenzhen = identity.staff("CITY_REGULATOR", "440300", null);
        assertProblem(shenzhen.http().get("/api/v1/cities/440100/registrations"), 403, "forbidden");
        assertProblem(shenzhen.http().get("/api/v1/registrations/" + guangzhouId), 403, "forbidden");
        assertProblem(shenzhen.http().get("/api/v1/registrations/" + guangzhouId + "/letter"), 403, "forbidden");
        assertProblem(decide(shenzhen, guangzhouId, "APPROVE", null), 403, "forbidden");
        assertProblem(shenzhen.http().post("/api/v1/cities/440100/offline-institutions", entry("某机构",
                "914403001922038216")), 403, "forbidden");

        JsonNode unmatched = assertProblem(decide(shenzhen, shenzhenId, "APPROVE", null), 422, "invalid-input");
        assertEquals("offline-register-match", unmatched.at("/errors/0/rule").asText());
        assertProblem(decide(shenzhen, shenzhenId, "REJECT", null), 422, "invalid-input");
        JsonNode rejected = decide(shenzhen, shenzhenId, "REJECT", "未向深圳市应急管理局报告线下培训").json();
        assertEquals("REJECTED", rejected.get("status").asText());
        assertEquals(List.of("SUBMIT", "REJECT"), actions(rejected));
        assertEquals("未向深圳市应急管理局报告线下培训", rejected.at("/history/1/reason").asText());
        assertTrue(rejected.get("registrationNumber").isNull());

        JsonNode approved = decide(guangzhou, guangzhouId, "APPROVE", null).json();
        assertEquals(approved.toString(), "REGISTERED", approved.get("status").asText());
        String number = approved.get("registrationNumber").asText();
        assertTrue(number, number.matches("440100-\\d{4}-\\d{4}"));
        assertEquals(List.of("SUBMIT", "APPROVE"), actions(approved));
        assertProblem(decide(guangzhou, guangzhouId, "APPROVE", null), 409, "conflict");
        Identity.Account copycat = identity.staff("INSTITUTION_ADMIN", null, "inst-copycat");
        assertProblem(copycat.http().post("/api/v1/cities/440100/registrations", intent("冒名机构",
                "9144030071526726XG", upload(copycat, pdf("Intent")))), 409, "conflict");
        Http.Reply read = guangzhou.http().get("/api/v1/registrations/" + guangzhouId + "/letter");
        assertEquals("application/pdf", read.contentType());
        assertArrayEquals(letter, read.bytes());

        JsonNode reports = identity.staff("PROVINCE_REGULATOR", "440000", null).http().get("/api/v1/province-reports")
                .json();
        assertEquals(List.of("APPROVE " + number), reportsOf(reports, guangzhouId));
        assertEquals(List.of(), reportsOf(reports, shenzhenId));

        JsonNode listing = http.get(GUANGZHOU_LISTING).json();
        assertEquals(List.of(number), listed(listing, "9144030071526726XG"));
        assertEquals(listing.get("officialListUrl"), listing.at("/institutions/0/officialListUrl"));
        assertTrue(listing.get("announcements").toString().contains(number));
        JsonNode shenzhenListing = http.get("/api/v1/public/cities/440300/institutions").json();
        assertEquals(List.of(), listed(shenzhenListing, "9144030071526726XG"));
        assertFalse(shenzhenListing.get("announcements").toString().contains("9144030071526726XG"));
        JsonNode ranked = assertProblem(http.get(GUANGZHOU_LISTING + "?sort=rating"), 400, "invalid-parameter");
        assertEquals("no-parameters", ranked.at("/errors/0/rule").asText());

        JsonNode records = institution.http().get("/api/v1/institutions/inst-anpei/records").json();
        assertEquals(2, records.get("registrations").size());
        assertEquals(2, records.get("documents").size());
        Http.Reply csv = institution.http().get("/api/v1/institutions/inst-anpei/records", "text/csv");
        assertEquals(csv.body(), 200, csv.status());
        String[] rows = csv.body().split("\r\n");
        assertEquals("a header and one row per step", 5, rows.length);
        assertTrue(csv.body().contains("未向深圳市应急管理局报告线下培训"));
        assertProblem(identity.staff("INSTITUTION_ADMIN", null, "inst-other").http()
                .get("/api/v1/institutions/inst-anpei/records"), 403, "forbidden");
        // the regulators of the city it is registered in and of that city's counties read them; not another city's
        for (Identity.Account over : new Identity.Account[] {guangzhou, identity.staff("COUNTY_REGULATOR", "440106",
                null)}) {
            assertEquals(200, over.http().get("/api/v1/institutions/inst-anpei/records").status());
        }
        assertProblem(identity.staff("CITY_REGULATOR", "440300", null).http()
                .get("/api/v1/institutions/inst-anpei/records"), 403, "forbidden");

        Identity.Account auditor = identity.staff("AUDITOR", null, null);
        assertEquals(1, Identity.audit(auditor, "action=registration.approve&target=registration:" + guangzhouId
                + "&actor=" + guangzhou.id()).size());
        List<String> denied = new ArrayList<>();
        Identity.audit(auditor, "actor=" + shenzhen.id()).forEach(row -> {
            if (row.get("outcome").asText().equals("denied")) {
                denied.add(row.get("action").asText());
            }
        });
        assertEquals("every refused look and step", 5, denied.size());
    }

    @Test
    public void aRemovedCityKeepsItsRegistrationsAndTakesNoNewOnes() throws Exception {
        String number = registeredInGuangzhou("inst-removal", "广州某安全培训中心", "91110108551385082Q")
                .get("registrationNumber").asText();
        JsonNode before = http.get(GUANGZHOU_LISTING).json();
        Identity.Account province = identity.staff("PROVINCE_REGULATOR", "440000", null);
        Identity.Account newcomer = identity.staff("INSTITUTION_ADMIN", null, "inst-newcomer");
        String newcomerLetter = upload(newcomer, pdf("Intent"));

        features.uninstallFeature("anxun-city-guangzhou");
        Eventually.await("440100 is removed", Duration.ofSeconds(30),
                () -> !http.get("/api/v1/cities").body().contains("440100"));
        assertProblem(http.get(GUANGZHOU_LISTING), 404, "city-module-not-installed");
        assertTrue(guangzhou.http().get("/api/v1/cities/440100/registrations").body().contains(number));
        assertTrue(province.http().get("/api/v1/province-reports?city=440100").body().contains(number));
        JsonNode refused = assertProblem(newcomer.http().post("/api/v1/cities/440100/registrations",
                intent("广州新机构", "91350100M000100Y43", newcomerLetter)), 422, "invalid-input");
        assertEquals("city-module-installed", refused.at("/errors/0/rule").asText());

        Identity.cityInstalled(bundleContext, http, "guangzhou", "440100");
        assertEquals(before, http.get(GUANGZHOU_LISTING).json());
    }

    @Test
    public void aRegistrationCanBeSuspendedReinstatedAndRevoked() {
        JsonNode registered = registeredInGuangzhou("inst-r30", "广州某职业学校", "91350100M000100Y43");
        String id = registered.get("id").asText();
        String number = registered.get("registrationNumber").asText();

        assertProblem(decide(guangzhou, id, "SUSPEND", " "), 422, "invalid-input");
        assertEquals("SUSPENDED", decide(guangzhou, id, "SUSPEND", "视频课程未落实人脸识别").json().get("status").asText());
        assertEquals(List.of(), listed(http.get(GUANGZHOU_LISTING).json(), "91350100M000100Y43"));
        assertEquals("REGISTERED", decide(guangzhou, id, "REINSTATE", "整改完成").json().get("status").asText());
        assertEquals(List.of(number), listed(http.get(GUANGZHOU_LISTING).json(), "91350100M000100Y43"));
        JsonNode revoked = decide(guangzhou, id, "REVOKE", "伪造培训记录").json();
        assertEquals(List.of("SUBMIT", "APPROVE", "SUSPEND", "REINSTATE", "REVOKE"), actions(revoked));
        assertProblem(decide(guangzhou, id, "REINSTATE", "再次整改"), 409, "conflict");
        assertEquals(List.of(), listed(http.get(GUANGZHOU_LISTING).json(), "91350100M000100Y43"));
        String announcements = http.get(GUANGZHOU_LISTING).json().get("announcements").toString();
        assertTrue(announcements, announcements.contains("伪造培训记录") && announcements.contains("暂停"));
        JsonNode reports = identity.staff("PROVINCE_REGULATOR", "440000", null).http()
                .get("/api/v1/province-reports?city=440100").json();
        assertEquals(List.of("REVOKE " + number, "REINSTATE " + number, "SUSPEND " + number, "APPROVE " + number),
                reportsOf(reports, id));
    }

    @Test
    public void aWrittenIntentMustBeAReadablePdfOfTheUploadersInstitution() {
        Identity.Account institution = identity.staff("INSTITUTION_ADMIN", null, "inst-letters");
        JsonNode notPdf = assertProblem(uploadReply(institution, "inst-letters", Photos.of(Photos.NO_FACE)), 422,
                "invalid-input");
        assertEquals("pdf", notPdf.at("/errors/0/rule").asText());
        byte[] truncated = pdf("cut short");
        JsonNode broken = assertProblem(uploadReply(institution, "inst-letters",
                new String(truncated, 0, 40, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1)),
                422, "invalid-input");
        assertEquals("pdf", broken.at("/errors/0/rule").asText());
        assertProblem(uploadReply(institution, "inst-other", pdf("not ours")), 403, "forbidden");
        assertProblem(uploadReply(identity.staff("INSTITUTION_STAFF", null, "inst-letters"), "inst-letters",
                pdf("staff")), 403, "forbidden");
        Http.Reply typed = institution.http().raw("POST", "/api/v1/institutions/inst-letters/letters", "image/png",
                HttpRequest.BodyPublishers.ofByteArray(pdf("declared as PNG")));
        assertEquals(415, typed.status());

        JsonNode disguised = assertProblem(uploadReply(institution, "inst-letters", "意向书\u202Efdp.exe", pdf("x")),
                422, "invalid-input");
        assertEquals("file-name", disguised.at("/errors/0/rule").asText());

        JsonNode stored = uploadReply(institution, "inst-letters", "意向书", pdf("fine")).json();
        assertEquals(1, stored.get("pages").asInt());
        assertEquals("意向书.pdf", stored.get("filename").asText());
        JsonNode foreign = assertProblem(identity.staff("INSTITUTION_ADMIN", null, "inst-thief").http()
                .post("/api/v1/cities/440100/registrations", intent("某机构", "914403001922038216",
                        stored.get("id").asText())), 422, "invalid-input");
        assertEquals("uploaded-letter", foreign.at("/errors/0/rule").asText());
        Http.Reply download = institution.http().get("/api/v1/institutions/inst-letters/documents/"
                + stored.get("id").asText());
        assertEquals("attachment; filename*=UTF-8''%E6%84%8F%E5%90%91%E4%B9%A6.pdf",
                download.header("Content-Disposition").orElseThrow());
        JsonNode records = institution.http().get("/api/v1/institutions/inst-letters/records").json();
        assertEquals("the refused uploads left nothing", 1, records.get("documents").size());
        assertTrue(records.get("name").isNull());
    }

    @Test
    public void noOneDecidesOnTheirOwnInstitution() {
        inGuangzhouRegister("广州自审培训中心", "914403001922038216");
        Identity.Account both = identity.staff(List.of("INSTITUTION_ADMIN", "CITY_REGULATOR"), "440100", "inst-self");
        String id = submit(both, "440100", "914403001922038216", upload(both, pdf("Intent"))).get("id").asText();
        assertProblem(decide(both, id, "APPROVE", null), 403, "forbidden");
        JsonNode approved = decide(guangzhou, id, "APPROVE", null).json();
        assertEquals("CITY_REGULATOR", approved.at("/history/1/actorRole").asText());
        assertEquals("INSTITUTION_ADMIN", approved.at("/history/0/actorRole").asText());
    }

    @Test
    public void aCitysListOfSixRegistrationsTakesAsManyStatementsAsAListOfOne() throws Exception {
        String path = "/api/v1/cities/440100/registrations";
        try (Statements statements = new Statements(bundleContext)) {
            submittedByANewInstitution(true);
            int before = guangzhou.http().get(path).json().size();
            int fewer = statements.of(() -> assertEquals(before, guangzhou.http().get(path).json().size()));
            for (int i = 0; i < 5; i++) {
                submittedByANewInstitution(i % 2 == 0);
            }
            int more = statements.of(() -> assertEquals(before + 5, guangzhou.http().get(path).json().size()));
            assertEquals("statements for five registrations more as for " + before, fewer, more);
        }
    }

    @Test
    public void aDenialNamingAnOverLongInstitutionIsAnsweredAndAudited() {
        Identity.Account staff = identity.staff("INSTITUTION_STAFF", null, "inst-own-records");
        String other = "x".repeat(300);
        assertProblem(staff.http().get("/api/v1/institutions/" + other + "/records"), 403, "forbidden");
        JsonNode rows = Identity.audit(identity.staff("AUDITOR", null, null), "action=institution.read");
        List<String> targets = new ArrayList<>();
        rows.forEach(row -> targets.add(row.get("target").asText()));
        assertTrue(targets.toString(), targets.contains("institution:" + "x".repeat(67) + "…"));
    }

    @Test
    public void aDownloadIsNamedWhateverCharactersItsInstitutionHas() {
        Http operator = identity.staff("OPERATOR", null, null).http();
        Http.Reply csv = operator.get("/api/v1/institutions/inst%22x%3B%20y/records", "text/csv");
        assertEquals(csv.body(), 200, csv.status());
        assertEquals("attachment; filename*=UTF-8''records-inst%22x%3B%20y.csv",
                csv.header("Content-Disposition").orElse(null));
    }

    /** An intent to register in 440100 by an institution of its own, in the city's register or not. */
    private void submittedByANewInstitution(boolean inRegister) {
        String creditCode = CreditCodes.next();
        if (inRegister) {
            inGuangzhouRegister("某安全培训学校", creditCode);
        }
        Identity.Account institution = identity.staff("INSTITUTION_ADMIN", null, "inst-" + creditCode);
        submit(institution, "440100", creditCode, upload(institution, pdf("Intent")));
    }

    /** An institution registered in 440100: in the register, its intent submitted and approved. */
    private JsonNode registeredInGuangzhou(String institutionId, String name, String creditCode) {
        inGuangzhouRegister(name, creditCode);
        Identity.Account institution = identity.staff("INSTITUTION_ADMIN", null, institutionId);
        String id = submit(institution, "440100", creditCode, upload(institution, pdf("Intent"))).get("id").asText();
        Http.Reply approved = decide(guangzhou, id, "APPROVE", null);
        assertEquals(approved.body(), 200, approved.status());
        return approved.json();
    }

    private void inGuangzhouRegister(String name, String creditCode) {
        Http.Reply added = guangzhou.http().post("/api/v1/cities/440100/offline-institutions", entry(name, creditCode));
        assertEquals(added.body(), 201, added.status());
    }

    static String entry(String name, String creditCode) {
        return "{\"name\":\"" + name + "\",\"creditCode\":\"" + creditCode + "\",\"filingNumber\":\"穗应急培备〔2024〕"
                + creditCode.substring(14) + "号\",\"siteAddress\":\"广州市天河区某路1号\","
                + "\"programmes\":[\"危险化学品经营单位 主要负责人\"],\"status\":\"ACTIVE\"}";
    }

    private static String intent(String name, String creditCode, String letterId) {
        return "{\"institutionName\":\"" + name + "\",\"creditCode\":\"" + creditCode + "\",\"letterId\":\""
                + letterId + "\"}";
    }

    static JsonNode submit(Identity.Account institution, String city, String creditCode, String letterId) {
        Http.Reply submitted = institution.http().post("/api/v1/cities/" + city + "/registrations",
                intent("广州安培职业培训学校", creditCode, letterId));
        assertEquals(submitted.body(), 201, submitted.status());
        assertEquals("SUBMITTED", submitted.json().get("status").asText());
        return submitted.json();
    }

    static String upload(Identity.Account institution, byte[] pdf) {
        Http.Reply stored = uploadReply(institution, institution.http().get("/api/v1/me").json()
                .get("institutionId").asText(), pdf);
        assertEquals(stored.body(), 201, stored.status());
        return stored.json().get("id").asText();
    }

    private static Http.Reply uploadReply(Identity.Account institution, String institutionId, byte[] pdf) {
        return uploadReply(institution, institutionId, "意向书.pdf", pdf);
    }

    private static Http.Reply uploadReply(Identity.Account institution, String institutionId, String filename,
            byte[] pdf) {
        return institution.http().raw("POST", "/api/v1/institutions/" + institutionId + "/letters?filename="
                + URLEncoder.encode(filename, StandardCharsets.UTF_8), "application/pdf",
                HttpRequest.BodyPublishers.ofByteArray(pdf));
    }

    static Http.Reply decide(Identity.Account regulator, String id, String action, String reason) {
        return regulator.http().post("/api/v1/registrations/" + id + "/decisions", "{\"action\":\"" + action + "\""
                + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}");
    }

    private static List<String> actions(JsonNode registration) {
        List<String> actions = new ArrayList<>();
        registration.get("history").forEach(step -> actions.add(step.get("action").asText()));
        return actions;
    }

    private static List<String> reportsOf(JsonNode reports, String registrationId) {
        List<String> found = new ArrayList<>();
        reports.forEach(report -> {
            if (report.get("registrationId").asText().equals(registrationId)) {
                found.add(report.get("action").asText() + " " + report.get("registrationNumber").asText());
            }
        });
        return found;
    }

    private static List<String> listed(JsonNode listing, String creditCode) {
        List<String> numbers = new ArrayList<>();
        listing.get("institutions").forEach(entry -> {
            if (entry.get("creditCode").asText().equals(creditCode)) {
                numbers.add(entry.get("registrationNumber").asText());
            }
        });
        return numbers;
    }

    /** A one-page PDF with a line of text, as an institution's office software would make it. */
    static byte[] pdf(String text) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                content.newLineAtOffset(72, 720);
                content.showText(text);
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
