package cn.anxun.institutions.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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

public class LetterCheckTest {

    private static final long LIMIT = 100_000;

    @Test
    public void aPdfIsMeasuredAndDigested() throws IOException {
        byte[] pdf = pdf(2, null);
        LetterCheck.Pdf read = LetterCheck.read(new ByteArrayInputStream(pdf), LIMIT);
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
    public void objectStreamsThatInflateBeyondTheBudgetAreRefusedBeforeLoading() {
        byte[] bomb = objectStream("/FlateDecode", deflated(new byte[(int) LetterCheck.INFLATE_BUDGET + 1]));
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> LetterCheck.read(new ByteArrayInputStream(bomb), 10_000_000));
        assertTrue(refused.getMessage(), refused.violations().get(0).message().contains("inflate to more than"));
        assertEquals("pdf", rule(objectStream("/LZWDecode", new byte[100])));
    }

    /** The start of a PDF with one object stream; enough for the check, which looks before anything loads. */
    private static byte[] objectStream(String filter, byte[] data) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        pdf.writeBytes(("%PDF-1.7\n1 0 obj\n<</Type/ObjStm/N 1/First 4/Filter" + filter + "/Length " + data.length
                + ">>\nstream\n").getBytes(StandardCharsets.US_ASCII));
        pdf.writeBytes(data);
        pdf.writeBytes("\nendstream\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        return pdf.toByteArray();
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
                () -> LetterCheck.read(new ByteArrayInputStream(upload), LIMIT));
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
