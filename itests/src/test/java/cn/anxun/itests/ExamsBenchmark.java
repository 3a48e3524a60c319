package cn.anxun.itests;

import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What question banks and tests cost on this machine, over HTTP against the distribution: importing a workbook of
 * 5,000 questions (new, unchanged, every one revised) and exporting it; then attempts of 100 questions drawn from it:
 * starting one (a face check and the draw), saving an answer, and handing in (grading); last, the certificate of the
 * attempt that passes, issued and printed as PDF again and again. Prints figures; asserts only that the calls
 * succeed. Run with {@code mvn verify -pl itests -Dit.test=ExamsBenchmark -Dpostgresql.skip=true}.
 */
public class ExamsBenchmark extends AnxunTestSupport {

    private static final int QUESTIONS = 5_000;
    private static final int ATTEMPTS = 8;
    private static final int PRINTS = 51;

    @Configuration
    @Override
    public Option[] configuration() {
        List<Option> options = new ArrayList<>(List.of(super.configuration()));
        options.add(editConfigurationFilePut("etc/cn.anxun.face.cfg", "replaySimilarity", "0.999"));
        options.add(editConfigurationFilePut("etc/cn.anxun.study.cfg", "faceCheckMinMinutes", "3"));
        options.add(editConfigurationFilePut("etc/cn.anxun.study.cfg", "faceCheckMaxMinutes", "3"));
        // no face check falls due during an attempt: the answers and the hand-in are timed alone
        options.add(editConfigurationFilePut("etc/cn.anxun.exams.cfg", "faceCheckMinMinutes", "180"));
        options.add(editConfigurationFilePut("etc/cn.anxun.exams.cfg", "faceCheckMaxMinutes", "180"));
        return options.toArray(new Option[0]);
    }

    @Test
    public void importingAWorkbookAndTakingTests() throws Exception {
        MovableClock clock = onMovableClock("cn.anxun.ledger", "cn.anxun.exams");
        Identity.cityInstalled(bundleContext, http, "guangzhou", "440100");
        Classroom classroom = Classroom.open(new Identity(http), "inst-exam-bench");
        Http admin = classroom.admin().patient(Duration.ofMinutes(5));
        String bank = ExamsIT.open(admin, "inst-exam-bench", "low-voltage-electrician");
        byte[] workbook = Workbooks.xlsx(rows(""));
        System.out.printf("workbook of %,d questions: %,d bytes%n", QUESTIONS, workbook.length);
        timed("import, every question new", () -> admin.raw("POST", ExamsIT.questions(bank), ExamsIT.XLSX,
                ExamsIT.body(workbook)), "added");
        timed("import, every question unchanged", () -> admin.raw("POST", ExamsIT.questions(bank), ExamsIT.XLSX,
                ExamsIT.body(workbook)), "unchanged");
        byte[] revised = Workbooks.xlsx(rows("（修订）"));
        timed("import, every question revised", () -> admin.raw("POST", ExamsIT.questions(bank), ExamsIT.XLSX,
                ExamsIT.body(revised)), "revised");
        long start = System.nanoTime();
        assertEquals(200, admin.get("/api/v1/question-banks/" + bank + "/sheet?format=xlsx").status());
        System.out.printf("%-40s %6d ms%n", "export as xlsx", (System.nanoTime() - start) / 1_000_000);

        String exam = "/api/v1/classes/" + classroom.trainingClass() + "/exam";
        Http.Reply defined = admin.method("PUT", exam, "{\"sections\":[{\"type\":\"TRUE_FALSE\",\"count\":30,"
                + "\"points\":1},{\"type\":\"SINGLE_CHOICE\",\"count\":40,\"points\":1},{\"type\":\"MULTIPLE_CHOICE\","
                + "\"count\":30,\"points\":1}],\"minutes\":120,\"attempts\":" + (ATTEMPTS + 1) + ",\"passMark\":100}");
        assertEquals(defined.body(), 200, defined.status());
        Http learner = classroom.learner().http();
        Student student = new Student(learner, clock, classroom.trainingClass(), classroom.course(), 100_000);
        ExamsIT.completeOnlinePart(classroom, student);
        List<Long> starts = new ArrayList<>();
        List<Long> answers = new ArrayList<>();
        List<Long> gradings = new ArrayList<>();
        for (int i = 0; i < ATTEMPTS; i++) {
            long begun = System.nanoTime();
            JsonNode attempt = ExamsIT.started(learner, exam, student);
            starts.add(System.nanoTime() - begun);
            String path = "/api/v1/exam-attempts/" + attempt.get("id").asText();
            for (JsonNode question : attempt.get("questions")) {
                long asked = System.nanoTime();
                Http.Reply saved = learner.method("PUT", path + "/answers/" + question.get("number").asInt(),
                        "{\"choice\":\"" + ("MULTIPLE_CHOICE".equals(question.get("type").asText()) ? "AB" : "A")
                        + "\"}");
                answers.add(System.nanoTime() - asked);
                assertEquals(saved.body(), 200, saved.status());
            }
            long handed = System.nanoTime();
            Http.Reply graded = learner.post(path + "/submission", "");
            gradings.add(System.nanoTime() - handed);
            assertEquals(graded.body(), "FAILED", graded.json().get("status").asText());
        }
        print("start: face check and a draw of 100 of 5,000", starts);
        print("save one answer", answers);
        print("hand in and grade 100 questions", gradings);
        certificate(classroom, admin.get(ExamsIT.questions(bank)).json(), student);
    }

    /** The attempt that passes, then its certificate: issued once, printed {@link #PRINTS} times. */
    private static void certificate(Classroom classroom, JsonNode questions, Student student) {
        Http learner = classroom.learner().http();
        Map<String, JsonNode> bank = new HashMap<>();
        questions.forEach(question -> bank.put(question.get("text").asText(), question));
        JsonNode attempt = ExamsIT.started(learner, "/api/v1/classes/" + classroom.trainingClass() + "/exam",
                student);
        ExamsIT.answerAll(learner, attempt, bank, type -> true);
        String path = "/api/v1/exam-attempts/" + attempt.get("id").asText();
        assertEquals("PASSED", learner.post(path + "/submission", "").json().get("status").asText());
        long begun = System.nanoTime();
        Http.Reply issued = learner.post("/api/v1/learners/" + classroom.learner().id() + "/certificates?class="
                + classroom.trainingClass(), "");
        System.out.printf("%-40s %6d ms%n", "issue a certificate", (System.nanoTime() - begun) / 1_000_000);
        assertEquals(issued.body(), 201, issued.status());
        String document = "/api/v1/certificates/" + issued.json().get("id").asText() + "/document";
        List<Long> prints = new ArrayList<>();
        for (int i = 0; i < PRINTS; i++) {
            long asked = System.nanoTime();
            Http.Reply printed = learner.get(document);
            prints.add(System.nanoTime() - asked);
            assertEquals(printed.body(), 200, printed.status());
            if (i == 0) {
                System.out.printf("%-40s %6d ms  (%,d bytes)%n", "first certificate PDF", prints.get(0) / 1_000_000,
                        printed.bytes().length);
            }
        }
        print("certificate PDF, warm", prints.subList(1, PRINTS));
    }

    /** Questions of the three types in turn, their texts ending in the suffix. */
    private static List<List<String>> rows(String suffix) {
        List<List<String>> rows = new ArrayList<>(List.of(ExamsIT.HEADER));
        for (int i = 0; i < QUESTIONS; i++) {
            String code = "B-" + i;
            String point = "知识点" + i % 20;
            rows.add(switch (i % 3) {
                case 0 -> List.of(code, "判断", "第" + i + "题：作业前必须检查防护用品。" + suffix, "", "", "", "", "正确",
                        "", point, "易");
                case 1 -> List.of(code, "单选", "第" + i + "题：安全电压的上限是？" + suffix, "36V", "220V", "380V",
                        "10kV", "A", "依据标准", point, "中");
                default -> List.of(code, "多选", "第" + i + "题：停电作业的技术措施有：" + suffix, "停电", "验电",
                        "装设接地线", "饮酒", "ABC", "", point, "难");
            });
        }
        return rows;
    }

    private static void timed(String what, Supplier<Http.Reply> call, String counted) {
        long start = System.nanoTime();
        Http.Reply reply = call.get();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(reply.body(), 200, reply.status());
        assertEquals(reply.body(), QUESTIONS, reply.json().get(counted).asInt());
        System.out.printf("%-40s %6d ms%n", what, millis);
    }

    private static void print(String what, List<Long> nanos) {
        long[] millis = nanos.stream().mapToLong(n -> n / 1_000_000).sorted().toArray();
        System.out.printf("%-45s median %4d ms  p95 %4d ms  max %4d ms  (%d runs)%n", what, millis[millis.length / 2],
                millis[millis.length * 95 / 100], millis[millis.length - 1], millis.length);
    }
}
