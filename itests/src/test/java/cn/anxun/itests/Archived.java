package cn.anxun.itests;

import static cn.anxun.itests.Problems.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The archive of a learner who studied, tested and was certified, and the training file of their class: every
 * section from the bundle that owns it, read by those who may and refused to others, each read in the archive after.
 */
final class Archived {

    private Archived() {
    }

    static void read(Identity identity, Classroom classroom) throws IOException {
        String path = "/api/v1/learners/" + classroom.learner().id() + "/archive";
        JsonNode archive = classroom.learner().http().get(path).json();
        assertEquals(archive.toString(), List.of("classes", "ledger", "face-checks", "tests", "certificates", "reads"),
                kinds(archive));
        String idNumber = classroom.registration().get("idNumber").asText();
        assertEquals(idNumber.substring(0, 2) + "*".repeat(12) + idNumber.substring(14), archive.get("learner")
                .get("idNumber").asText());
        assertTrue(archive.toString(), !archive.toString().contains(idNumber));
        JsonNode ledger = section(archive, "ledger").get(0).get("data");
        assertEquals(ledger.get("entries").size(), ledger.get("proofs").size());
        assertTrue(ledger.toString(), ledger.get("proofs").get(0).has("path"));
        assertEquals(3, section(archive, "tests").size());
        JsonNode passed = section(archive, "tests").get(2).get("data");
        assertEquals("PASSED", passed.get("status").asText());
        passed.get("questions").forEach(question -> assertEquals(question.get("answer"), question.get("chosen")));
        assertTrue(section(archive, "face-checks").size() >= 5);
        // issued within one tick of the test's frozen clock, the two may come in either order
        List<String> statuses = new ArrayList<>();
        section(archive, "certificates").forEach(certificate -> statuses.add(certificate.get("data").get("status")
                .asText()));
        Collections.sort(statuses);
        assertEquals(List.of("REVOKED", "VALID"), statuses);
        assertTrue(section(archive, "reads").get(0).get("summary").asText().contains("查阅"));

        Http.Reply printed = classroom.learner().http().get(path + "/document");
        assertEquals("application/pdf", printed.contentType());
        try (PDDocument pdf = Loader.loadPDF(printed.bytes())) {
            String text = new PDFTextStripper().getText(pdf);
            for (String shown : new String[] {"学员电子档案", "学时记录", "人脸识别核验", "考试记录", "培训合格证明", "档案查阅记录"}) {
                assertTrue(shown + " in\n" + text, text.contains(shown));
            }
        }

        Http.Reply byAdmin = classroom.admin().get(path);
        assertEquals(byAdmin.body(), 200, byAdmin.status());
        assertEquals(3, section(byAdmin.json(), "reads").size());
        Http stranger = identity.staff("INSTITUTION_ADMIN", null, "inst-archive-stranger").http();
        assertProblem(stranger.get(path), 403, "forbidden");
        // the institution's staff see the learner, masked, but not the whole file: that is for its administrator
        Http staff = identity.staff("INSTITUTION_STAFF", null, classroom.registration().get("institutionId").asText())
                .http();
        assertEquals(200, staff.get("/api/v1/learners/" + classroom.learner().id()).status());
        assertProblem(staff.get(path), 403, "forbidden");

        String file = "/api/v1/classes/" + classroom.trainingClass() + "/archive";
        assertProblem(classroom.learner().http().get(file), 403, "forbidden");
        // nor does a learner see their classmates: not the roster, not their progress
        assertProblem(classroom.learner().http().get("/api/v1/classes/" + classroom.trainingClass() + "/learners"), 403,
                "forbidden");
        assertProblem(classroom.learner().http().get("/api/v1/classes/" + classroom.trainingClass() + "/progress"),
                403, "forbidden");
        JsonNode training = classroom.regulator().http().get(file).json();
        assertEquals(training.toString(), List.of("classes", "ledger", "tests", "certificates", "reads"),
                kinds(training));
        assertEquals(classroom.trainingClass(), training.get("trainingClass").get("id").asText());
        JsonNode enrolled = section(training, "classes").get(1).get("data");
        assertEquals(classroom.learner().id(), enrolled.get("learnerId").asText());
        JsonNode attendance = section(training, "ledger").get(0).get("data");
        assertEquals(classroom.learner().id(), attendance.get("learnerId").asText());
        assertEquals(3, section(training, "tests").size());
        assertEquals(2, section(training, "certificates").size());
        assertEquals("application/pdf", classroom.admin().get(file + "/document").contentType());
        assertEquals(2, Identity.audit(identity.staff("AUDITOR", null, null), "target=class:"
                + classroom.trainingClass() + "&action=archive.read").size());
    }

    private static List<String> kinds(JsonNode archive) {
        List<String> kinds = new ArrayList<>();
        archive.get("sections").forEach(section -> kinds.add(section.get("kind").asText()));
        return kinds;
    }

    static JsonNode section(JsonNode archive, String kind) {
        for (JsonNode section : archive.get("sections")) {
            if (section.get("kind").asText().equals(kind)) {
                return section.get("records");
            }
        }
        throw new AssertionError("no section " + kind + " in " + archive);
    }
}
