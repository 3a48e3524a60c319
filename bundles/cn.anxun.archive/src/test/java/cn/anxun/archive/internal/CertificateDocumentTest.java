package cn.anxun.archive.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import cn.anxun.archive.Certificate;

public class CertificateDocumentTest {

    static final Certificate CERTIFICATE = new Certificate("c1", "K7Q2-9XMB-4TZR-H8WD", Certificate.Status.VALID,
            "l1", "欧**娜", "44************123X", "k1", "2026年第1期主要负责人初训班", "MAIN_LEADER_INITIAL",
            "生产经营单位主要负责人初训", "i1", "广州安训职业培训学校", "粤穗网培备〔2026〕001号", "440100", 97_200,
            "36.0", null, LocalDate.of(2026, 11, 2), LocalDate.of(2026, 12, 20), LocalDate.of(2026, 12, 5), 92, 100,
            80, "a1", 1_234, "ab".repeat(32), Instant.parse("2026-12-05T06:30:00Z"), "i-admin", null, null, null,
            null, 0, "https://anxun.example.cn/api/v1/public/certificates/K7Q2-9XMB-4TZR-H8WD/page");

    private final CertificateDocument documents = new CertificateDocument();

    @Test
    public void theSameCertificateGivesTheSameBytes() {
        byte[] first = documents.render(CERTIFICATE, "欧阳娜娜");
        byte[] second = new CertificateDocument().render(CERTIFICATE, "欧阳娜娜");
        assertArrayEquals(first, second);
    }

    @Test
    public void itsTextIsChineseAndItsQrCodeOpensTheVerificationPage() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(documents.render(CERTIFICATE, "欧阳娜娜"))) {
            String text = new PDFTextStripper().getText(pdf).replace(" ", "");
            for (String shown : new String[] {"培训合格证明", "欧阳娜娜", "44************123X", "36.0学时",
                    "未在本平台记录", "粤穗网培备〔2026〕001号", "92分", "K7Q2-9XMB-4TZR-H8WD", "2026年11月2日至2026年12月20日"}) {
                assertTrue(shown + " in\n" + text, text.contains(shown));
            }
            assertEquals(CERTIFICATE.verificationUrl(), qrCode(pdf));
        }
    }

    @Test
    public void aCharacterTheFontLacksIsLeftOutRatherThanFailingThePage() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(documents.render(CERTIFICATE, "欧阳娜娜\uD83D\uDE00"))) {
            assertTrue(new PDFTextStripper().getText(pdf).contains("欧阳娜娜"));
        }
    }

    static String qrCode(PDDocument pdf) throws Exception {
        // as a printer prints it: at 150 dpi the modules' edges fall between pixels and about one code in 60 misreads
        BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 300);
        int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(
                page.getWidth(), page.getHeight(), pixels)))).getText();
    }
}
