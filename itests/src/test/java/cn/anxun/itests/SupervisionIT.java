package cn.anxun.itests;

import static cn.anxun.itests.Problems.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Supervision with learners in two cities and in two counties of one: each regulator sees exactly their region
 * in every list, its pages, its CSV export and the overview; institutions see their own, learners themselves.
 */
public class SupervisionIT extends SharedPlatformTestSupport {

    private static final String GUANGZHOU = "440100";
    private static final String LIWAN = "440103";
    private static final String TIANHE = "440106";
    private static final String SHENZHEN = "440300";
    private static final String LUOHU = "440303";

    @Test
    public void eachRegulatorSeesExactlyTheirRegionInEveryListExportAndOverview() throws Exception {
        Identity identity = new Identity(http);
        Identity.cityInstalled(bundleContext, http, "guangzhou", GUANGZHOU);
        Identity.cityInstalled(bundleContext, http, "shenzhen", SHENZHEN);
        Classroom guangzhou = Classroom.open(identity, "inst-sup-gz", GUANGZHOU, LIWAN);
        Classroom shenzhen = Classroom.open(identity, "inst-sup-sz", SHENZHEN, LUOHU);
        String liwan = guangzhou.learner().id();
        String liwanToo = learner(identity, "inst-sup-gz", GUANGZHOU, LIWAN).id();
        String tianhe = learner(identity, "inst-sup-gz", GUANGZHOU, TIANHE).id();
        String luohu = shenzhen.learner().id();
        Http.Reply enrolled = guangzhou.admin().post("/api/v1/classes/" + guangzhou.trainingClass() + "/learners",
                "{\"learners\":[\"" + liwanToo + "\",\"" + tianhe + "\"]}");
        assertEquals(enrolled.body(), 3, enrolled.json().get("learners").asInt());
        Set<String> ours = Set.of(liwan, liwanToo, tianhe, luohu);

        Http province = identity.staff("PROVINCE_REGULATOR", "440000", null).http();
        Http city = guangzhou.regulator().http();
        Http otherCity = shenzhen.regulator().http();
        Http liwanCounty = identity.staff("COUNTY_REGULATOR", LIWAN, null).http();
        Http tianheCounty = identity.staff("COUNTY_REGULATOR", TIANHE, null).http();
        Map<Http, Set<String>> regions = Map.of(province, ours, city, Set.of(liwan, liwanToo, tianhe),
                otherCity, Set.of(luohu), liwanCounty, Set.of(liwan, liwanToo), tianheCounty, Set.of(tianhe));
        Map<Http, String> codes = Map.of(province, "440000", city, GUANGZHOU, otherCity, SHENZHEN,
                liwanCounty, LIWAN, tianheCounty, TIANHE);
        for (Map.Entry<Http, Set<String>> region : regions.entrySet()) {
            String code = codes.get(region.getKey());
            List<JsonNode> rows = all(region.getKey(), "");
            rows.forEach(row -> assertTrue(code + " sees " + row, row.get("region").asText().startsWith(
                    code.endsWith("0000") ? "44" : code.endsWith("00") ? code.substring(0, 4) : code)));
            assertEquals(code, region.getValue(), learners(rows, ours));
            assertEquals(code + " in CSV", region.getValue(), exported(region.getKey(), ours));
            assertEquals(code + " in the workbook", region.getValue(), exportedWorkbook(region.getKey(), ours));
            // a filter outside the region narrows to nothing rather than widening the reach
            assertEquals(code, region.getValue().contains(luohu) ? Set.of(luohu) : Set.of(),
                    learners(all(region.getKey(), "&region=" + SHENZHEN), ours));
        }

        // each city's course rated by one of its learners, and a draft besides
        rate(guangzhou.learner().http(), guangzhou.course(), "{\"score\":4,\"comment\":\"讲得清楚\"}");
        rate(shenzhen.learner().http(), shenzhen.course(), "{\"score\":2}");
        String draft = draftCourse(guangzhou.admin(), "inst-sup-gz");

        // classes, registrations, courses and their ratings lie in their institution's city: a county regulator sees
        // its city's
        Set<String> institutions = Set.of("inst-sup-gz", "inst-sup-sz");
        Map<Http, Set<String>> cities = Map.of(province, institutions, city, Set.of("inst-sup-gz"),
                otherCity, Set.of("inst-sup-sz"), liwanCounty, Set.of("inst-sup-gz"),
                tianheCounty, Set.of("inst-sup-gz"));
        for (Map.Entry<Http, Set<String>> region : cities.entrySet()) {
            String code = codes.get(region.getKey());
            for (String list : List.of("classes", "registrations", "courses", "feedback")) {
                List<JsonNode> rows = all(region.getKey(), list, "");
                rows.stream().filter(row -> row.has("city")).forEach(row -> assertTrue(code + " sees " + row,
                        code.endsWith("0000") || row.get("city").asText().equals(code.substring(0, 4) + "00")));
                assertEquals(code + " " + list, region.getValue(), values(rows, "institutionId", institutions));
                assertEquals(code + " " + list + " in CSV", region.getValue(),
                        exported(region.getKey(), list, "institutionId", institutions));
            }
        }
        List<JsonNode> classes = all(tianheCounty, "classes", "&institution=inst-sup-gz");
        assertEquals(classes.toString(), List.of(guangzhou.trainingClass()), ids(classes));
        assertEquals(3, classes.get(0).get("learners").asInt());
        assertEquals(List.of(), all(city, "classes", "&institution=inst-sup-gz&to=2000-01-01"));
        // a learner lists the classes they are enrolled in
        assertEquals(List.of(guangzhou.trainingClass()), ids(all(guangzhou.learner().http(), "classes", "")));
        assertEquals(List.of(), all(city, "classes", "&region=" + SHENZHEN));
        List<JsonNode> registered = all(liwanCounty, "registrations", "&institution=inst-sup-gz");
        assertEquals(registered.toString(), 1, registered.size());
        assertEquals(guangzhou.institutionRegistration(), registered.get(0).get("id").asText());
        assertEquals("REGISTERED", registered.get(0).get("status").asText());
        assertEquals(List.of(draft, guangzhou.course()), ids(all(tianheCounty, "courses",
                "&institution=inst-sup-gz")));
        assertEquals(List.of(), all(otherCity, "courses", "&institution=inst-sup-gz"));
        assertEquals(List.of(guangzhou.course()), ids(all(city, "courses",
                "&institution=inst-sup-gz&programme=low-voltage-electrician")));
        assertEquals(List.of(draft), ids(all(city, "courses", "&institution=inst-sup-gz&programme="
                + "hazchem-trade-manager")));
        // a learner lists the online courses only
        List<JsonNode> catalogue = all(guangzhou.learner().http(), "courses", "");
        catalogue.forEach(row -> assertEquals(row.toString(), "ONLINE", row.get("status").asText()));
        assertTrue(ids(catalogue).containsAll(List.of(guangzhou.course(), shenzhen.course())));
        assertTrue(!ids(catalogue).contains(draft));
        List<JsonNode> rated = all(liwanCounty, "feedback", "&institution=inst-sup-gz");
        assertEquals(rated.toString(), 1, rated.size());
        assertEquals(guangzhou.course(), rated.get(0).get("courseId").asText());
        assertEquals(4, rated.get(0).get("score").asInt());
        assertEquals("讲得清楚", rated.get(0).get("comment").asText());
        assertTrue("who rated is not shown: " + rated, !rated.get(0).has("learnerId"));
        assertEquals(List.of(), all(city, "feedback", "&institution=inst-sup-gz&programme=hazchem-trade-manager"));
        assertEquals(List.of(), all(province, "feedback", "&institution=inst-sup-gz&to=2000-01-01"));
        assertEquals(1, all(province, "feedback", "&region=" + LUOHU + "&institution=inst-sup-sz").size());
        assertProblem(guangzhou.learner().http().get("/api/v1/supervision/feedback"), 403, "forbidden");
        assertProblem(city.get("/api/v1/supervision/registrations?to=2026-01-01&from=2026-02-01"), 422,
                "invalid-input");
        assertProblem(city.get("/api/v1/supervision/lessons/export"), 404, "not-found");
        assertProblem(city.get("/api/v1/supervision/classes?region=999999"), 422, "invalid-input");
        // the filters and the paging are in the API's description, for clients made from it
        JsonNode paths = http.get("/api/v1/openapi.json").json().get("paths");
        for (String list : List.of("progress", "classes", "registrations", "certificates", "courses", "feedback")) {
            assertEquals(list, Set.of("region", "institution", "programme", "class", "from", "to", "after", "limit"),
                    parameters(paths.at("/~1supervision~1" + list + "/get")));
        }
        assertEquals(Set.of("list", "region", "institution", "programme", "class", "from", "to", "format"),
                parameters(paths.at("/~1supervision~1{list}~1export/get")));

        // the class's own records: a county regulator reads its county's learners of the class, not the others
        String roster = "/api/v1/classes/" + guangzhou.trainingClass() + "/learners";
        assertEquals(Set.of(liwan, liwanToo, tianhe), learnerIds(city.get(roster)));
        assertEquals(Set.of(liwan, liwanToo), learnerIds(liwanCounty.get(roster)));
        assertEquals(Set.of(tianhe), learnerIds(tianheCounty.get(roster)));
        assertEquals(1, tianheCounty.get("/api/v1/classes/" + guangzhou.trainingClass() + "/progress").json().size());
        assertProblem(otherCity.get(roster), 403, "forbidden");
        assertProblem(tianheCounty.get("/api/v1/classes/" + guangzhou.trainingClass() + "/archive"), 403,
                "forbidden");

        // pages of two follow one another to the end
        Http.Reply first = city.get("/api/v1/supervision/progress?institution=inst-sup-gz&limit=2");
        assertEquals(first.body(), 200, first.status());
        assertEquals(2, first.json().get("items").size());
        JsonNode second = city.get("/api/v1/supervision/progress?institution=inst-sup-gz&limit=2&after="
                + first.json().get("next").asText()).json();
        assertEquals(1, second.get("items").size());
        assertTrue(second.toString(), second.get("next").isNull());
        Set<String> paged = new TreeSet<>(learners(List.of(first.json().get("items").get(0),
                first.json().get("items").get(1), second.get("items").get(0)), ours));
        assertEquals(new TreeSet<>(regions.get(city)), paged);
        JsonNode row = second.get("items").get(0);
        assertEquals(guangzhou.trainingClass(), row.get("classId").asText());
        assertEquals(0, row.get("creditedSeconds").asLong());
        assertTrue(row.toString(), row.get("requiredSeconds").asLong() > 0 && row.get("test").isNull());

        // the overview counts the same learners, one of them studying now
        Http.Reply started = Photos.post(guangzhou.learner().http(), guangzhou.studyStart(), Photos.CAGE_AGAIN);
        assertEquals(started.body(), 201, started.status());
        assertEquals(List.of(3L, 1L), overview(city, GUANGZHOU, "inst-sup-gz"));
        assertEquals(List.of(2L, 1L), overview(liwanCounty, LIWAN, "inst-sup-gz"));
        assertEquals(List.of(1L, 0L), overview(tianheCounty, TIANHE, "inst-sup-gz"));
        assertEquals(List.of(1L, 0L), overview(otherCity, SHENZHEN, "inst-sup-sz"));
        assertEquals(List.of(), overview(otherCity, SHENZHEN, "inst-sup-gz"));
        JsonNode byCounty = city.get("/api/v1/supervision/overview?by=COUNTY").json();
        assertEquals(GUANGZHOU, byCounty.get("region").asText());
        byCounty.get("rows").forEach(part -> assertTrue(part.toString(), part.get("key").asText().startsWith("4401")));
        assertProblem(liwanCounty.get("/api/v1/supervision/overview?region=" + GUANGZHOU), 403, "forbidden");
        assertProblem(city.get("/api/v1/supervision/overview?region=" + SHENZHEN), 403, "forbidden");
        assertProblem(city.get("/api/v1/supervision/overview?region=999999"), 422, "invalid-input");
        assertProblem(city.get("/api/v1/supervision/overview?by=STREET"), 400, "invalid-parameter");
        assertProblem(city.get("/api/v1/supervision/progress?limit=0"), 422, "invalid-input");
        assertProblem(city.get("/api/v1/supervision/progress?after=nonsense"), 422, "invalid-input");
        assertProblem(city.get("/api/v1/supervision/progress?from=yesterday"), 400, "invalid-parameter");

        // institutions see their own enrolments, learners themselves; neither has an overview
        Http gzStaff = identity.staff("INSTITUTION_STAFF", null, "inst-sup-gz").http();
        assertEquals(regions.get(city), learners(all(gzStaff, ""), ours));
        assertEquals(Set.of(liwan), learners(all(guangzhou.learner().http(), ""), ours));
        assertProblem(gzStaff.get("/api/v1/supervision/overview?region=" + GUANGZHOU), 403, "forbidden");
        assertProblem(gzStaff.get("/api/v1/supervision/progress/export"), 403, "forbidden");
        assertProblem(city.get("/api/v1/supervision/progress/export?format=PDF"), 400, "invalid-parameter");
        assertEquals(regions.get(city), exported(guangzhou.admin(), ours));

        Identity.Account auditor = identity.staff("AUDITOR", null, null);
        assertTrue(Identity.audit(auditor, "action=enrolment.read").size() >= 2);
        assertTrue(Identity.audit(auditor, "action=enrolment.export").size() >= 2 * regions.size());
        assertTrue(Identity.audit(auditor, "action=class.export").size() >= cities.size());
        assertProblem(gzStaff.get("/api/v1/supervision/classes/export"), 403, "forbidden");
        for (String list : List.of("registrations", "courses", "feedback")) {
            assertEquals(list, Set.of("inst-sup-gz"), exported(guangzhou.admin(), list, "institutionId",
                    institutions));
        }
        assertProblem(gzStaff.get("/api/v1/supervision/courses/export"), 403, "forbidden");
        assertTrue(Identity.audit(auditor, "action=course.export").size() >= cities.size());
        assertTrue(Identity.audit(auditor, "action=course-feedback.export").size() >= cities.size());
    }

    private static void rate(Http learner, String course, String rating) {
        Http.Reply rated = learner.post("/api/v1/courses/" + course + "/ratings", rating);
        assertEquals(rated.body(), 201, rated.status());
    }

    /** A draft course of one text unit. */
    private static String draftCourse(Http admin, String institution) {
        Http.Reply created = admin.post("/api/v1/institutions/" + institution + "/courses",
                "{\"title\":\"危化品经营安全草稿\",\"programmes\":[\"hazchem-trade-manager\"],\"teachers\":[\"王老师\"],"
                + "\"units\":[{\"title\":\"第一课\",\"type\":\"TEXT\",\"text\":\"停电、验电、挂接地线。\"}]}");
        assertEquals(created.body(), 201, created.status());
        return created.json().get("id").asText();
    }

    private static List<String> ids(List<JsonNode> rows) {
        return rows.stream().map(row -> row.get("id").asText()).toList();
    }

    private static Set<String> parameters(JsonNode operation) {
        Set<String> names = new HashSet<>();
        operation.get("parameters").forEach(parameter -> names.add(parameter.get("name").asText()));
        return names;
    }

    private static Set<String> learnerIds(Http.Reply roster) {
        assertEquals(roster.body(), 200, roster.status());
        Set<String> ids = new HashSet<>();
        roster.json().forEach(id -> ids.add(id.asText()));
        return ids;
    }

    private static Identity.Account learner(Identity identity, String institution, String city, String county) {
        ObjectNode registration = Identity.registration(IdNumbers.next(), institution).put("city", city)
                .put("county", county);
        return identity.learner(registration);
    }

    /** Every row of the progress list, page by page. */
    private static List<JsonNode> all(Http http, String filters) {
        return all(http, "progress", filters);
    }

    /** Every row of a supervision list, page by page. */
    private static List<JsonNode> all(Http http, String list, String filters) {
        List<JsonNode> rows = new ArrayList<>();
        String after = null;
        do {
            Http.Reply page = http.get("/api/v1/supervision/" + list + "?limit=500" + filters
                    + (after == null ? "" : "&after=" + after));
            assertEquals(page.body(), 200, page.status());
            page.json().get("items").forEach(rows::add);
            after = page.json().get("next").isNull() ? null : page.json().get("next").asText();
        } while (after != null);
        return rows;
    }

    private static Set<String> learners(List<JsonNode> rows, Set<String> ours) {
        return values(rows, "learnerId", ours);
    }

    /** The values of ours in a field of the rows. */
    private static Set<String> values(List<JsonNode> rows, String field, Set<String> ours) {
        Set<String> found = new HashSet<>();
        rows.stream().map(row -> row.get(field).asText()).filter(ours::contains).forEach(found::add);
        return found;
    }

    /** The learners of ours in the CSV export of the progress list. */
    private static Set<String> exported(Http http, Set<String> ours) throws Exception {
        return exported(http, "progress", "learnerId", ours);
    }

    /** The values of ours in a column of a list's CSV export, checked for its byte order mark. */
    private static Set<String> exported(Http http, String list, String column, Set<String> ours) throws Exception {
        Http.Reply csv = http.get("/api/v1/supervision/" + list + "/export?format=CSV");
        assertEquals(csv.body(), 200, csv.status());
        assertTrue(csv.contentType(), csv.contentType().startsWith("text/csv"));
        String text = csv.body();
        assertTrue("a byte order mark first", text.startsWith("\uFEFF"));
        Set<String> found = new HashSet<>();
        for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1)))) {
            if (ours.contains(record.get(column))) {
                found.add(record.get(column));
            }
        }
        return found;
    }

    /** The learners of ours in the workbook export: the texts of its sheet's cells. */
    private static Set<String> exportedWorkbook(Http http, Set<String> ours) throws Exception {
        Http.Reply xlsx = http.get("/api/v1/supervision/progress/export");
        assertEquals(xlsx.body(), 200, xlsx.status());
        assertEquals(ExamsIT.XLSX, xlsx.contentType());
        Set<String> found = new HashSet<>();
        // streamed, its entries' sizes follow their data: read through the zip's central directory
        Path file = Files.createTempFile("progress", ".xlsx");
        try {
            Files.write(file, xlsx.bytes());
            try (ZipFile zip = new ZipFile(file.toFile())) {
                Matcher cell = Pattern.compile("<t[^>]*>([^<]*)</t>").matcher(new String(zip.getInputStream(
                        zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(), StandardCharsets.UTF_8));
                while (cell.find()) {
                    found.add(cell.group(1));
                }
            }
        } finally {
            Files.delete(file);
        }
        assertTrue("the header is the first row: " + found, found.contains("learnerId"));
        found.retainAll(ours);
        return found;
    }

    /** The institution's row of the region's overview: enrolled and studying now; empty if it has none there. */
    private static List<Long> overview(Http http, String region, String institution) {
        Http.Reply overview = http.get("/api/v1/supervision/overview?by=INSTITUTION&region=" + region);
        assertEquals(overview.body(), 200, overview.status());
        for (JsonNode row : overview.json().get("rows")) {
            if (row.get("key").asText().equals(institution)) {
                assertTrue("nobody is tested yet: " + row, row.get("passRate").isNull());
                return List.of(row.get("enrolled").asLong(), row.get("studyingNow").asLong());
            }
        }
        return List.of();
    }
}
