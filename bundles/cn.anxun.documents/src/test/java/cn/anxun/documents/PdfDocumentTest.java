package cn.anxun.documents;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.Test;

import cn.anxun.identity.InvalidInputException;

public class PdfDocumentTest {

    private static final long LIMIT = 100_000;

    @Test
    public void aPdfIsMeasuredAndDigested() throws IOException {
        byte[] pdf = pdf(2, null);
        PdfDocument read = PdfDocument.read("letter", new ByteArrayInputStream(pdf), LIMIT, false);
        assertEquals(2, read.pages());
        assertEquals(64, read.sha256().length());
        assertEquals(pdf.length, read.bytes().length);
    }

    @Test
    public void whatARegulatorCouldNotReadIsRefused() throws IOException {
        assertEquals("required", rule(new byte[0]));
        assertEquals("pdf", rule("GIF89a".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("pdf", rule(Arrays.copyOf(pdf(1, null), 60)));
        assertEquals("pdf", rule(pdf(0, null)));
        assertEquals("not-encrypted", rule(pdf(1, "secret")));
        assertEquals("not-encrypted", rule(pdf(1, "")));
        byte[] big = Arrays.copyOf(pdf(1, null), (int) LIMIT + 1);
        assertEquals("max-size", rule(big));
    }

    @Test
    public void compressedStructureWithinTheBudgetLoads() {
        assertEquals(1, pages(compressed("/XRef", 0, "", 1 << 20, 1)));
        assertEquals(1, pages(compressed("/X#52ef", 1 << 20, LONG_ENTRY, 0, 1)));
    }

    @Test
    public void structureStreamsDecodingBeyondTheBudgetAreRefusedHoweverTheyAreWritten() {
        int past = (int) PdfDocument.INFLATE_BUDGET + 1;
        assertBomb(compressed("/X#52ef", past, "", 0, 1));
        assertBomb(compressed("/XRef", 0, LONG_ENTRY, past, 1));
        assertBomb(compressed("/XRef", 0, "", past, 2));
    }

    private static final String LONG_ENTRY = "/Producer(" + "A".repeat(8192) + ")";

    private static void assertBomb(byte[] pdf) {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> PdfDocument.read("letter", new ByteArrayInputStream(pdf), 10_000_000, false));
        assertEquals("pdf", refused.violations().get(0).rule());
        assertTrue(refused.getMessage(), refused.violations().get(0).message().contains("decode to more than"));
    }

    private static int pages(byte[] pdf) {
        return PdfDocument.read("letter", new ByteArrayInputStream(pdf), 10_000_000, false).pages();
    }

    /**
     * A catalog (1), a page (3), the page tree (2) inside an object stream (5) and a cross-reference stream (4) of the
     * given type name; each stream padded, the object stream deflated {@code layers} times.
     */
    private static byte[] compressed(String xrefType, int xrefPadding, String objStmEntry, int objStmPadding,
            int layers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] offsets = new int[6];
        ascii(out, "%PDF-1.7\n");
        offsets[1] = out.size();
        ascii(out, "1 0 obj\n<</Type/Catalog/Pages 2 0 R>>\nendobj\n");
        offsets[3] = out.size();
        ascii(out, "3 0 obj\n<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>\nendobj\n");
        byte[] objects = ("2 0 <</Type/Pages/Count 1/Kids[3 0 R]/Padding(" + "0".repeat(objStmPadding) + ")>>")
                .getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < layers; i++) {
            objects = deflated(objects);
        }
        offsets[5] = out.size();
        ascii(out, "5 0 obj\n<</Type/ObjStm/N 1/First 4" + objStmEntry + "/Filter[" + "/FlateDecode".repeat(layers)
                + "]/Length " + objects.length + ">>\nstream\n");
        out.writeBytes(objects);
        ascii(out, "\nendstream\nendobj\n");
        offsets[4] = out.size();
        ByteBuffer entries = ByteBuffer.allocate(6 * 7 + xrefPadding);
        entries.put((byte) 0).putInt(0).putShort((short) -1);
        for (int object = 1; object < 6; object++) {
            boolean inStream = object == 2;
            entries.put((byte) (inStream ? 2 : 1)).putInt(inStream ? 5 : offsets[object]).putShort((short) 0);
        }
        byte[] xref = deflated(entries.array());
        ascii(out, "4 0 obj\n<</Type" + xrefType + "/Size 6/W[1 4 2]/Root 1 0 R/Filter/FlateDecode/Length "
                + xref.length + ">>\nstream\n");
        out.writeBytes(xref);
        ascii(out, "\nendstream\nendobj\nstartxref\n" + offsets[4] + "\n%%EOF\n");
        return out.toByteArray();
    }

    private static void ascii(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] deflated(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out, new Deflater(Deflater.BEST_COMPRESSION))) {
            deflater.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String rule(byte[] upload) {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> PdfDocument.read("letter", new ByteArrayInputStream(upload), LIMIT, false));
        assertEquals("letter", refused.violations().get(0).field());
        return refused.violations().get(0).rule();
    }

    private static byte[] pdf(int pages, String userPassword) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages; i++) {
                document.addPage(new PDPage());
            }
            if (userPassword != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", userPassword,
                        new AccessPermission());
                policy.setEncryptionKeyLength(128);
                document.protect(policy);
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
