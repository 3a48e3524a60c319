package cn.anxun.itests;

import static cn.anxun.itests.Problems.assertProblem;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.awt.image.BufferedImage;
import java.net.URI;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/**
 * The certificate of a learner who completed a class: issued, printed and read back, verified by anyone through its QR
 * code, revoked by the city's regulator, and replaced.
 */
final class Certified {

    private Certified() {
    }

    /**
     * @param anyone a client without a login
     * @param lookups how many look-ups one address may make in the window, as configured
     */
    static void chain(Http anyone, Classroom classroom, JsonNode passed, int lookups) throws Exception {
        Http learner = classroom.learner().http();
        String issue = "/api/v1/learners/" + classroom.learner().id() + "/certificates?class="
                + classroom.trainingClass();
        Http.Reply issued = learner.post(issue, "");
        assertEquals(issued.body(), 201, issued.status());
        JsonNode certificate = issued.json();
        Http.Reply again = classroom.admin().post(issue, "");
        assertEquals(again.body(), 200, again.status());
        assertEquals(certificate.get("id"), again.json().get("id"));
        String number = certificate.get("number").asText();
        assertEquals(passed.get("id"), certificate.get("attemptId"));
        assertEquals(passed.get("score"), certificate.get("score"));
        assertTrue(certificate.toString(), certificate.get("checkpointSize").asLong() > 0);
        assertEquals("买****力", certificate.get("learnerName").asText());

        String path = "/api/v1/certificates/" + certificate.get("id").asText() + "/document";
        Http.Reply printed = learner.get(path);
        assertEquals(printed.body(), 200, printed.status());
        assertEquals("application/pdf", printed.contentType());
        assertArrayEquals(printed.bytes(), classroom.admin().get(path).bytes());
        String verification;
        try (PDDocument pdf = Loader.loadPDF(printed.bytes())) {
            String text = new PDFTextStripper().getText(pdf).replace(" ", "");
            String idNumber = classroom.registration().get("idNumber").asText();
            String hours = certificate.get("onlineHours").asText();
            for (String shown : new String[] {"培训合格证明", "买买提·艾力", idNumber.substring(0, 2) + "*".repeat(12)
                    + idNumber.substring(14), hours + "学时", number}) {
                assertTrue(shown + " in\n" + text, text.contains(shown));
            }
            assertTrue(text, !text.contains(idNumber));
            verification = qrCode(pdf);
        }
        assertEquals(certificate.get("verificationUrl").asText(), verification);
        String page = URI.create(verification).getPath();
        assertEquals("/api/v1/public/certificates/" + number + "/page", page);

        Http.Reply shown = anyone.get(page, "text/html");
        assertEquals(shown.body(), 200, shown.status());
        assertTrue(shown.body(), shown.body().contains("本证明有效") && shown.body().contains("买****力"));
        JsonNode checked = anyone.get("/api/v1/public/certificates/" + number.toLowerCase().replace("-", " ")
                .replace(" ", "%20")).json();
        assertEquals(checked.toString(), "VALID", checked.get("status").asText());
        assertEquals(certificate.get("idNumber"), checked.get("idNumber"));
        assertEquals(2, checked.get("lookups").asLong());

        String revocation = "/api/v1/certificates/" + certificate.get("id").asText() + "/revocation";
        assertProblem(classroom.admin().post(revocation, "{\"reason\":\"自行撤销\"}"), 403, "forbidden");
        assertProblem(classroom.regulator().http().post(revocation, "{}"), 422, "invalid-input");
        Http.Reply revoked = classroom.regulator().http().post(revocation, "{\"reason\":\"学时记录经核查有误\"}");
        assertEquals(revoked.body(), 200, revoked.status());
        JsonNode nowRevoked = anyone.get("/api/v1/public/certificates/" + number).json();
        assertEquals("REVOKED", nowRevoked.get("status").asText());
        assertTrue(nowRevoked.toString(), nowRevoked.hasNonNull("revokedAt") && !nowRevoked.has("revocationReason"));
        assertTrue(anyone.get(page, "text/html").body().contains("撤销"));

        Http.Reply replaced = learner.post(issue, "");
        assertEquals(replaced.body(), 201, replaced.status());
        assertEquals(number, replaced.json().get("predecessor").asText());
        assertEquals(2, learner.get("/api/v1/learners/" + classroom.learner().id() + "/certificates").json().size());

        assertProblem(anyone.get("/api/v1/public/certificates/K7Q2-9XMB-4TZR"), 422, "invalid-input");
        Http.Reply refused = null;
        for (int i = 0; i < lookups && refused == null; i++) {
            Http.Reply reply = anyone.get("/api/v1/public/certificates/" + number);
            refused = reply.status() == 429 ? reply : null;
        }
        assertTrue("a look-up beyond the limit is refused", refused != null);
        assertProblem(refused, 429, "too-many-requests");
        assertTrue(refused.header("Retry-After").isPresent());
    }

    private static String qrCode(PDDocument pdf) throws Exception {
        // as a printer prints it: at 150 dpi the modules' edges fall between pixels and about one code in 60 misreads
        BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 300);
        int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(
                page.getWidth(), page.getHeight(), pixels)))).getText();
    }
}
