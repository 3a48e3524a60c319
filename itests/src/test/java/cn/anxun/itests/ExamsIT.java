package cn.anxun.itests;

import static cn.anxun.itests.Problems.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Question banks filled from institutions' spreadsheets, tests taken under face checks and the certificates of those
 * who pass, against the distribution.
 */
public class ExamsIT extends AnxunTestSupport {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final List<String> HEADER = List.of("编号", "题型", "题目", "选项A", "选项B", "选项C", "选项D", "答案", "解析",
            "知识点", "难度");

    /** Two questions of each type, the sheet's header first. */
    static final List<List<String>> SIX_QUESTIONS = List.of(HEADER,
            List.of("T-1", "判断", "停电作业前必须验电。", "", "", "", "", "正确", "", "验电", "易"),
            List.of("T-2", "判断", "可以用手触摸带电导线判断是否有电。", "", "", "", "", "错误", "", "验电", "易"),
            List.of("S-1", "单选", "低压验电器的测量范围是？", "60～500V", "1000V以上", "10kV", "", "A", "", "验电", "中"),
            List.of("S-2", "单选", "安全电压的上限是？", "36V", "220V", "380V", "", "A", "", "电压", "中"),
            List.of("M-1", "多选", "停电作业的技术措施有：", "停电", "验电", "装设接地线", "饮酒", "ABC", "", "措施", "难"),
            List.of("M-2", "多选", "触电急救应当：", "切断电源", "拨打急救电话", "徒手拉开触电者", "", "AB", "", "急救", "难"));

    /** Certificate look-ups one address may make in ten minutes, fewer than by default to reach the limit. */
    private static final int LOOKUPS = 12;

    private Identity identity;
    /** The platform the institution's archives are handed over to; it boots while the learner studies. */
    private Distribution receiving;

    @Configuration
    @Override
    public Option[] configuration() {
        List<Option> options = new ArrayList<>(List.of(super.configuration()));
        // the captures are shifted copies of one photo: the rules of tests are under test here, replays in FaceIT
        options.add(editConfigurationFilePut("etc/cn.anxun.face.cfg", "replaySimilarity", "0.999"));
        options.add(editConfigurationFilePut("etc/cn.anxun.archive.cfg", "lookupsPerAddress",
                Integer.toString(LOOKUPS)));
        // the handover package is checked by the Library of Congress's BagIt reader and the standalone verifier
        options.add(HandedOver.bagCheck());
        options.addAll(Distribution.locations());
        options.add(LedgerVerifier.jar());
        Map.of("faceCheckMinMinutes", "3", "faceCheckMaxMinutes", "3").forEach((key, value) -> {
            options.add(editConfigurationFilePut("etc/cn.anxun.study.cfg", key, value));
            options.add(editConfigurationFilePut("etc/cn.anxun.exams.cfg", key, value));
        });
        return options.toArray(new Option[0]);
    }

    @Before
    public void identity() {
        identity = new Identity(http);
    }

    @After
    public void stopReceiving() {
        if (receiving != null) {
            receiving.close();
        }
    }

    @Test
    public void aLearnerTakesTheTestOnceTheOnlinePartIsCompleteUnderFaceChecksAndPasses() throws Exception {
        // the receiving platform runs on embedded Derby whatever the source's database: booted once, in the Derby run;
        // in the PostgreSQL run the package goes back to its own platform, which must refuse its own learners
        receiving = TestDatabase.postgresql() ? null : HandedOver.receiving();
        MovableClock clock = onMovableClock("cn.anxun.ledger", "cn.anxun.exams", "cn.anxun.archive");
        Identity.cityInstalled(bundleContext, http, "guangzhou", "440100");
        Classroom classroom = Classroom.open(identity, "inst-exam-1");
        // the province's platform has read the enrolment as it was made: what follows comes to it as changes
        FeedReader province = FeedReader.issued(identity, http, "440000");
        String enrolments = province.read("enrolments", null, 500).next();
        String certificates = province.read("certificates", null, 500).next();
        Http admin = classroom.admin();
        String exam = "/api/v1/classes/" + classroom.trainingClass() + "/exam";
        JsonNode noBank = assertProblem(admin.method("PUT", exam, blueprint(1)), 422, "invalid-input");
        assertEquals(noBank.toString(), "enough-questions", noBank.get("errors").get(0).get("rule").asText());
        String bank = open(admin, "inst-exam-1", "low-voltage-electrician");
        List<List<String>> rows = new ArrayList<>(SIX_QUESTIONS);
        rows.set(4, List.of("S-2", "单选", "安全电压的上限是？", "36V", "220V", "380V", "", "X", "", "电压", "中"));
        JsonNode refused = assertProblem(admin.raw("POST", questions(bank), XLSX, body(Workbooks.xlsx(rows))), 422,
                "invalid-input");
        assertEquals(refused.toString(), "H5", refused.get("errors").get(0).get("field").asText());
        Map<String, JsonNode> bankQuestions = imported(admin, bank);

        JsonNode tooMany = assertProblem(admin.method("PUT", exam, blueprint(3)), 422, "invalid-input");
        assertEquals(tooMany.toString(), "sections[0].count", tooMany.get("errors").get(0).get("field").asText());
        Http.Reply defined = admin.method("PUT", exam, blueprint(2));
        assertEquals(defined.body(), 200, defined.status());
        assertEquals(100, defined.json().get("totalPoints").asInt());
        assertEquals(80, defined.json().get("passMark").asInt());

        Http learner = classroom.learner().http();
        Student student = new Student(learner, clock, classroom.trainingClass(), classroom.course(), 100_000);
        JsonNode early = assertProblem(Photos.post(learner, exam + "/attempts", student.nextCapture()), 409,
                "conflict");
        assertTrue(early.toString(), early.get("detail").asText().contains("online part"));
        completeOnlinePart(classroom, student);

        // a capture of someone else opens nothing; a failed check during the attempt voids it
        assertProblem(Photos.post(learner, exam + "/attempts", Photos.of(Photos.BIEBER)), 422, "invalid-input");
        JsonNode first = started(learner, exam, student);
        assertEquals(6, first.get("questions").size());
        assertTrue(first.get("questions").get(0).get("answer").isNull());
        clock.advance(Duration.ofMinutes(3));
        assertProblem(answer(learner, first, 1, "A"), 409, "conflict");
        JsonNode voided = Photos.post(learner, attempt(first) + "/face-checks", Photos.of(Photos.BIEBER)).json();
        assertEquals("VOIDED", voided.get("status").asText());
        assertTrue(voided.toString(), voided.get("reason").asText().startsWith("FACE_CHECK_FAILED"));

        // the time limit ends the second: an answer after it does not count
        JsonNode second = started(learner, exam, student);
        answerAll(learner, second, bankQuestions, type -> type.equals("TRUE_FALSE"));
        clock.advance(Duration.ofMinutes(3));
        assertEquals("OPEN", Photos.post(learner, attempt(second) + "/face-checks", student.nextCapture()).json()
                .get("status").asText());
        clock.advance(Duration.ofMinutes(2).plusSeconds(30));
        assertProblem(answer(learner, second, 1, "A"), 409, "conflict");
        JsonNode late = learner.get(attempt(second)).json();
        assertEquals(late.toString(), "FAILED", late.get("status").asText());
        assertEquals(40, late.get("score").asInt());

        // the third passes its check, is handed in and passes
        JsonNode third = started(learner, exam, student);
        answerAll(learner, third, bankQuestions, type -> true);
        clock.advance(Duration.ofMinutes(3));
        assertProblem(learner.post(attempt(third) + "/submission", ""), 409, "conflict");
        Photos.post(learner, attempt(third) + "/face-checks", student.nextCapture());
        JsonNode passed = learner.post(attempt(third) + "/submission", "").json();
        assertEquals(passed.toString(), "PASSED", passed.get("status").asText());
        assertEquals(100, passed.get("score").asInt());
        assertEquals(2, passed.get("faceChecks").size());
        passed.get("questions").forEach(question -> assertEquals(question.get("answer"), question.get("chosen")));
        assertProblem(Photos.post(learner, exam + "/attempts", student.nextCapture()), 409, "conflict");

        JsonNode attempts = admin.get(exam + "/attempts").json();
        List<String> statuses = new ArrayList<>();
        attempts.forEach(one -> statuses.add(one.get("status").asText()));
        assertEquals(List.of("VOIDED", "FAILED", "PASSED"), statuses);
        assertEquals(1, Identity.audit(identity.staff("AUDITOR", null, null), "target=exam-attempt:"
                + passed.get("id").asText() + "&action=exam.submitted").size());

        JsonNode statistics = admin.get(exam + "/statistics").json();
        assertEquals(statistics.toString(), 2, statistics.get("attempts").asInt());
        assertEquals(1, statistics.get("voided").asInt());
        assertEquals(1.0, statistics.get("passRate").asDouble(), 0);
        assertEquals(70.0, statistics.get("meanScore").asDouble(), 0);
        assertEquals(1, statistics.get("scoreBands").get(4).asInt());
        assertEquals(1, statistics.get("scoreBands").get(9).asInt());
        JsonNode mostWrong = statistics.get("questions").get(0);
        assertEquals(0.5, mostWrong.get("wrongRate").asDouble(), 0);
        assertTrue(mostWrong.toString(), mostWrong.get("type").asText().endsWith("_CHOICE"));
        assertEquals(0.0, statistics.get("questions").get(5).get("wrongRate").asDouble(), 0);
        assertProblem(learner.get(exam + "/statistics"), 403, "forbidden");
        // the class's learner is of Liwan: its county regulator reads their attempts, Yuexiu's none of them, and
        // neither the statistics of the whole class
        Http liwan = identity.staff("COUNTY_REGULATOR", "440103", null).http();
        Http yuexiu = identity.staff("COUNTY_REGULATOR", "440104", null).http();
        assertEquals(3, liwan.get(exam + "/attempts").json().size());
        assertEquals(0, yuexiu.get(exam + "/attempts").json().size());
        assertEquals(200, liwan.get(attempt(passed)).status());
        assertProblem(yuexiu.get(attempt(passed)), 403, "forbidden");
        assertProblem(liwan.get(exam + "/statistics"), 403, "forbidden");

        Certified.chain(http, classroom, passed, LOOKUPS);
        supervised(classroom, province.read("enrolments", enrolments, 500).items());
        // the certificate revoked and its replacement: the province's platform reads both, as they stand
        JsonNode schema = http.get("/api/v1/feed/schema").json();
        Map<String, JsonNode> fedCertificates = new HashMap<>();
        province.read("certificates", certificates, 500).items().forEach(item -> {
            FeedIT.conforms(schema, item);
            fedCertificates.put(item.get("status").asText(), item);
        });
        assertEquals(fedCertificates.toString(), Set.of("REVOKED", "VALID"), fedCertificates.keySet());
        assertEquals("学时记录经核查有误", fedCertificates.get("REVOKED").get("revocationReason").asText());
        assertEquals(fedCertificates.get("REVOKED").get("number"), fedCertificates.get("VALID").get("predecessor"));
        assertEquals("440103", fedCertificates.get("VALID").get("region").asText());
        // the supervision list of certificates: the learner's county and city, newest first, masked; not Yuexiu's
        // (the clock is moved here, so both may carry the same time)
        String ofClass = "/api/v1/supervision/certificates?class=" + classroom.trainingClass();
        JsonNode listed = liwan.get(ofClass).json().get("items");
        assertEquals(2, listed.size());
        assertEquals(listed.toString(), Set.of(fedCertificates.get("VALID").get("number").asText(),
                fedCertificates.get("REVOKED").get("number").asText()), Set.of(listed.get(0).get("number").asText(),
                        listed.get(1).get("number").asText()));
        assertFalse(listed.toString(), Instant.parse(listed.get(0).get("issuedAt").asText()).isBefore(
                Instant.parse(listed.get(1).get("issuedAt").asText())));
        assertEquals("买****力", listed.get(0).get("learnerName").asText());
        assertTrue(listed.toString(), listed.get(0).get("idNumber").asText().contains("****"));
        assertEquals(2, classroom.regulator().http().get(ofClass).json().get("items").size());
        assertEquals(0, yuexiu.get(ofClass).json().get("items").size());
        assertEquals(0, liwan.get(ofClass + "&to=2000-01-01").json().get("items").size());
        Http.Reply sheet = liwan.get("/api/v1/supervision/certificates/export?format=CSV&class="
                + classroom.trainingClass());
        assertEquals(sheet.body(), 200, sheet.status());
        assertTrue(sheet.body(), sheet.body().contains(fedCertificates.get("VALID").get("number").asText()));
        assertEquals("the header only", 1, yuexiu.get("/api/v1/supervision/certificates/export?format=CSV&class="
                + classroom.trainingClass()).body().lines().count());
        Archived.read(identity, classroom);
        HandedOver.export(http, identity, classroom, "inst-exam-1", receiving);
        Retained.expire(identity, classroom, clock);
    }

    /**
     * The regulator's row of the learner, the institution's in the overview and the feed's changed enrolment: kept
     * by every step above.
     */
    private static void supervised(Classroom classroom, List<JsonNode> fed) {
        Http regulator = classroom.regulator().http();
        JsonNode row = regulator.get("/api/v1/supervision/progress?class=" + classroom.trainingClass()).json()
                .get("items").get(0);
        assertEquals(row.toString(), row.get("requiredSeconds").asLong(), row.get("creditedSeconds").asLong());
        assertTrue(row.toString(), row.hasNonNull("completedAt") && row.hasNonNull("passedAt"));
        assertEquals("the failed and the passed attempt; the voided one is not graded", 2,
                row.get("attempts").asInt());
        assertEquals("PASSED", row.get("test").asText());
        assertEquals(100, row.get("bestScore").asInt());
        JsonNode certificates = classroom.learner().http().get("/api/v1/learners/" + classroom.learner().id()
                + "/certificates").json();
        String valid = null;
        for (JsonNode certificate : certificates) {
            valid = "VALID".equals(certificate.get("status").asText()) ? certificate.get("number").asText() : valid;
        }
        assertEquals(valid, row.get("certificate").asText());
        assertEquals(false, row.get("certificateRevoked").asBoolean());
        List<JsonNode> learners = fed.stream().filter(item -> item.get("learnerId").asText().equals(
                classroom.learner().id())).toList();
        assertEquals(fed.toString(), 1, learners.size());
        JsonNode changed = learners.get(0);
        assertEquals(List.of(row.get("creditedSeconds").asLong(), 2L, 100L), List.of(changed.get("creditedSeconds")
                .asLong(), changed.get("attempts").asLong(), changed.get("bestScore").asLong()));
        assertEquals(List.of("PASSED", valid, "VALID"), List.of(changed.get("testResult").asText(),
                changed.get("certificate").asText(), changed.get("certificateStatus").asText()));
        Http.Reply answer = regulator.get("/api/v1/supervision/overview?by=INSTITUTION");
        assertEquals(answer.body(), 200, answer.status());
        JsonNode overview = answer.json();
        JsonNode institution = null;
        for (JsonNode part : overview.get("rows")) {
            institution = part.get("key").asText().equals("inst-exam-1") ? part : institution;
        }
        assertEquals(overview.toString(), List.of(1L, 1L, 1L, 1L, 1L, row.get("creditedSeconds").asLong()),
                List.of(institution.get("enrolled").asLong(), institution.get("completed").asLong(),
                        institution.get("tested").asLong(), institution.get("passed").asLong(),
                        institution.get("certified").asLong(), institution.get("creditedSecondsThisMonth").asLong()));
        assertEquals(1.0, institution.get("passRate").asDouble(), 0);
    }

    /** A first segment of study; then the operator credits the rest of the class's online hours. */
    static void completeOnlinePart(Classroom classroom, Student student) {
        student.start();
        student.beatUntilFaceCheck();
        student.pass();
        String learner = classroom.learner().id();
        JsonNode entry = student.http.get("/api/v1/learners/" + learner + "/ledger").json().get("entries").get(0)
                .get("entry");
        long online = classroom.admin().get("/api/v1/classes/" + classroom.trainingClass()).json().get("onlineHours")
                .asLong() * 45 * 60;
        Http.Reply corrected = classroom.operator().http().post("/api/v1/ledger/entries/" + entry.get("id").asText()
                + "/corrections", "{\"seconds\":" + (online - student.credited) + ",\"reason\":\"线下核实\"}");
        assertEquals(corrected.body(), 201, corrected.status());
    }

    /** The six questions imported into the bank, by their text. */
    static Map<String, JsonNode> imported(Http keeper, String bank) {
        Http.Reply added = keeper.raw("POST", questions(bank), XLSX, body(Workbooks.xlsx(SIX_QUESTIONS)));
        assertEquals(added.body(), 6, added.json().get("added").asInt());
        Map<String, JsonNode> byText = new HashMap<>();
        keeper.get(questions(bank)).json().forEach(question -> byText.put(question.get("text").asText(), question));
        return byText;
    }

    /** Two questions of each type, 20, 15 and 15 points, in five minutes, three attempts; or more than the bank has. */
    static String blueprint(int each) {
        return "{\"sections\":[{\"type\":\"TRUE_FALSE\",\"count\":" + each + ",\"points\":20},"
                + "{\"type\":\"SINGLE_CHOICE\",\"count\":2,\"points\":15},"
                + "{\"type\":\"MULTIPLE_CHOICE\",\"count\":2,\"points\":15}],\"minutes\":5,\"attempts\":3}";
    }

    static JsonNode started(Http learner, String exam, Student student) {
        Http.Reply started = Photos.post(learner, exam + "/attempts", student.nextCapture());
        assertEquals(started.body(), 201, started.status());
        return started.json();
    }

    private static String attempt(JsonNode attempt) {
        return "/api/v1/exam-attempts/" + attempt.get("id").asText();
    }

    private static Http.Reply answer(Http learner, JsonNode attempt, int number, String choice) {
        return learner.method("PUT", attempt(attempt) + "/answers/" + number, "{\"choice\":\"" + choice + "\"}");
    }

    /** Answers the questions of the types rightly, by the bank's answers mapped to the options as shown. */
    static void answerAll(Http learner, JsonNode attempt, Map<String, JsonNode> bank,
            Predicate<String> types) {
        for (JsonNode shown : attempt.get("questions")) {
            if (!types.test(shown.get("type").asText())) {
                continue;
            }
            JsonNode own = bank.get(shown.get("text").asText());
            StringBuilder letters = new StringBuilder();
            for (int i = 0; i < shown.get("options").size(); i++) {
                int index = indexOf(own.get("options"), shown.get("options").get(i).asText());
                if (own.get("answer").asText().indexOf((char) ('A' + index)) >= 0) {
                    letters.append((char) ('A' + i));
                }
            }
            Http.Reply saved = answer(learner, attempt, shown.get("number").asInt(), letters.toString());
            assertEquals(saved.body(), letters.toString(), saved.json().get("chosen").asText());
        }
    }

    private static int indexOf(JsonNode options, String option) {
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).asText().equals(option)) {
                return i;
            }
        }
        throw new AssertionError(option + " is not an option of " + options);
    }

    @Test
    public void aWorkbookIsImportedWholeOrNotAtAllAndExportsBackUnchanged() {
        Http staff = identity.staff("INSTITUTION_ADMIN", null, "inst-bank-1").http();
        String bank = open(staff, "inst-bank-1", "low-voltage-electrician");
        List<List<String>> rows = new ArrayList<>(List.of(HEADER,
                List.of("", "判断", "停电作业前必须验电。", "", "", "", "", "正确", "", "验电", "易"),
                List.of("E-2", "单选", "低压验电器的测量范围是？", "60～500V", "1000V以上", "", "", "E", "", "验电", "中"),
                List.of("E-3", "多选", "停电作业的技术措施有：", "停电", "验电", "装设接地线", "饮酒", "ABC", "", "措施", "难")));
        JsonNode refused = assertProblem(staff.raw("POST", questions(bank), XLSX, body(Workbooks.xlsx(rows))), 422,
                "invalid-input");
        assertEquals(1, refused.get("errors").size());
        assertEquals("H3", refused.get("errors").get(0).get("field").asText());
        assertTrue(refused.toString(), refused.get("errors").get(0).get("message").asText().startsWith(
                "line 3, column H (答案)"));
        assertEquals(0, staff.get(questions(bank)).json().size());

        rows.set(2, List.of("E-2", "单选", "低压验电器的测量范围是？", "60～500V", "1000V以上", "", "", "A", "", "验电",
                "中"));
        JsonNode imported = staff.raw("POST", questions(bank), XLSX, body(Workbooks.xlsx(rows))).json();
        assertEquals(imported.toString(), 3, imported.get("added").asInt());
        JsonNode listed = staff.get(questions(bank)).json();
        assertEquals(List.of("E-2", "E-3", "Q00001"), codes(listed));
        JsonNode trueFalse = listed.get(2);
        assertEquals("TRUE_FALSE", trueFalse.get("type").asText());
        assertEquals("A", trueFalse.get("answer").asText());
        assertEquals(3, staff.get("/api/v1/question-banks/" + bank).json().get("questions").asInt());

        for (String format : List.of("xlsx", "csv")) {
            Http.Reply exported = staff.get("/api/v1/question-banks/" + bank + "/sheet?format=" + format);
            assertEquals(exported.body(), 200, exported.status());
            assertTrue(exported.header("Content-Disposition").orElseThrow().contains("." + format));
            JsonNode again = staff.raw("POST", questions(bank), exported.contentType(), body(exported.bytes())).json();
            assertEquals(again.toString(), 3, again.get("unchanged").asInt());
        }
        assertEquals(1, Identity.audit(identity.staff("AUDITOR", null, null), "target=question-bank:" + bank
                + "&action=question-bank.opened").size());
    }

    @Test
    public void aRevisionIsANewVersionAndTheOldOneStaysAsItWas() {
        Http staff = identity.staff("INSTITUTION_STAFF", null, "inst-bank-2").http();
        String bank = open(staff, "inst-bank-2", "low-voltage-electrician");
        String csv = String.join(",", HEADER) + "\nR-1,判断,绝缘手套使用前应检查。,,,,,对,,,\n";
        assertEquals(1, staff.raw("POST", questions(bank), "text/csv", gbk(csv)).json().get("added").asInt());
        JsonNode revised = staff.raw("POST", questions(bank), "text/csv; charset=GBK", gbk(csv.replace("检查",
                "检查是否漏气"))).json();
        assertEquals(revised.toString(), 1, revised.get("revised").asInt());
        JsonNode versions = staff.get(questions(bank) + "/R-1").json();
        assertEquals(2, versions.size());
        assertEquals("绝缘手套使用前应检查是否漏气。", versions.get(0).get("text").asText());
        assertTrue(versions.get(0).get("current").asBoolean());
        assertEquals("绝缘手套使用前应检查。", versions.get(1).get("text").asText());
        assertFalse(versions.get(1).get("current").asBoolean());

        JsonNode retired = staff.method("DELETE", questions(bank) + "/R-1", null).json();
        assertEquals(2, retired.get("version").asInt());
        assertEquals(0, staff.get(questions(bank)).json().size());
        assertProblem(staff.method("DELETE", questions(bank) + "/R-1", null), 404, "not-found");
    }

    @Test
    public void banksAreTheirKeepersAndTheProvincesIsEveryInstitutions() {
        Http operator = identity.staff("OPERATOR", null, null).http();
        String province = open(operator, null, "high-voltage-electrician");
        String csv = String.join(",", HEADER) + "\n,判断,高压设备发生接地时，室内不得接近故障点4m以内。,,,,,正确,,,\n";
        byte[] sheet = csv.getBytes(StandardCharsets.UTF_8);
        assertEquals(1, operator.raw("POST", questions(province), "text/csv", body(sheet)).json().get("added")
                .asInt());
        assertProblem(operator.post("/api/v1/question-banks", "{\"programme\":\"high-voltage-electrician\"}"), 409,
                "conflict");

        Http staff = identity.staff("INSTITUTION_ADMIN", null, "inst-bank-3").http();
        String own = open(staff, "inst-bank-3", "high-voltage-electrician");
        JsonNode drawable = staff.get("/api/v1/question-banks?institution=inst-bank-3").json();
        assertEquals(List.of(own, province), List.of(drawable.get(0).get("id").asText(),
                drawable.get(1).get("id").asText()));
        assertEquals(1, staff.get(questions(province)).json().size());
        assertProblem(staff.raw("POST", questions(province), "text/csv", body(sheet)), 403, "forbidden");

        Http stranger = identity.staff("INSTITUTION_ADMIN", null, "inst-bank-4").http();
        assertProblem(stranger.get(questions(own)), 403, "forbidden");
        assertProblem(stranger.raw("POST", questions(own), "text/csv", body(new byte[] {1, 2, 3})), 403,
                "forbidden");
        Identity.Account learner = identity.learner(Identity.registration(IdNumbers.next(), "inst-bank-3"));
        assertProblem(learner.http().get(questions(province)), 403, "forbidden");
        assertProblem(staff.post("/api/v1/question-banks", "{\"institution\":\"inst-bank-3\",\"programme\":\"x\"}"),
                422, "invalid-input");
    }

    static String open(Http keeper, String institution, String programme) {
        String body = institution == null ? "{\"programme\":\"" + programme + "\"}"
                : "{\"institution\":\"" + institution + "\",\"programme\":\"" + programme + "\"}";
        Http.Reply opened = keeper.post("/api/v1/question-banks", body);
        assertEquals(opened.body(), 201, opened.status());
        return opened.json().get("id").asText();
    }

    static String questions(String bank) {
        return "/api/v1/question-banks/" + bank + "/questions";
    }

    static HttpRequest.BodyPublisher body(byte[] bytes) {
        return HttpRequest.BodyPublishers.ofByteArray(bytes);
    }

    private static HttpRequest.BodyPublisher gbk(String csv) {
        return body(csv.getBytes(Charset.forName("GBK")));
    }

    private static List<String> codes(JsonNode questions) {
        List<String> codes = new ArrayList<>();
        questions.forEach(question -> codes.add(question.get("code").asText()));
        return codes;
    }
}
