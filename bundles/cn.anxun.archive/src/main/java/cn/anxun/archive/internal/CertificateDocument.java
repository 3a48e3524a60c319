package cn.anxun.archive.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;

import cn.anxun.archive.Certificate;

/**
 * A certificate as an A4 page in Chinese, the QR code drawn as vector squares. The dates, the document ID and the
 * font subset's name all follow from the certificate, so the same one gives the same bytes.
 */
final class CertificateDocument {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final float BODY = 12;

    private final ChineseFont font = ChineseFont.get();

    /** The certificate's page, showing {@code fullName} for the learner. */
    byte[] render(Certificate certificate, String fullName) {
        synchronized (font.lock()) {
            try (PDDocument document = new PDDocument()) {
                try (Pages pages = new Pages(document, font)) {
                    pages.down(30);
                    pages.centred("培训合格证明", 26);
                    pages.down(28);
                    pages.centred("（安全生产培训学时证明）", 14);
                    pages.down(52);
                    for (String[] line : lines(certificate, fullName)) {
                        pages.field(line[0], line[1], BODY, 96);
                    }
                    float side = 120;
                    float qrTop = Math.min(pages.y() - 24, Pages.MARGIN + side + 60);
                    drawQr(pages.stream(), certificate.verificationUrl(), pages.width() - Pages.MARGIN - side,
                            qrTop - side, side);
                    float noteY = qrTop - 14;
                    for (String note : List.of("扫描右侧二维码，或在核验页面输入", "证明编号，即可核验本证明的真伪与状态。",
                            "学时由平台学时账本记录，", "并由账本检查点（树大小 " + certificate.checkpointSize() + "）签名证明。")) {
                        pages.text(note, 10, Pages.MARGIN, noteY);
                        noteY -= 16;
                    }
                    pages.text("依据《广东省应急管理厅安全生产资格考试网络培训管理办法》（粤应急规〔2022〕3号）第二十五条出具", 9,
                            Pages.MARGIN, Pages.MARGIN - 20);
                }
                PDDocumentInformation info = document.getDocumentInformation();
                info.setTitle("培训合格证明 " + certificate.number());
                info.setCreator("Anxun");
                GregorianCalendar issued = GregorianCalendar.from(certificate.issuedAt().atZone(CHINA));
                info.setCreationDate(issued);
                info.setModificationDate(issued);
                byte[] id = documentId(certificate);
                document.getDocument().setDocumentID(new COSArray(List.of(new COSString(id), new COSString(id))));
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
                document.save(bytes);
                return bytes.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException("The certificate's PDF could not be made", e);
            }
        }
    }
    private List<String[]> lines(Certificate c, String fullName) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"姓名", fullName});
        lines.add(new String[] {"身份证号码", c.idNumber()});
        lines.add(new String[] {"培训项目", c.programmeName() + "（" + c.programmeCode() + "）"});
        lines.add(new String[] {"培训班", c.className()});
        lines.add(new String[] {"培训机构", c.institutionName()});
        lines.add(new String[] {"机构备案编号", c.registrationNumber()});
        lines.add(new String[] {"线上学时", c.onlineHours() + " 学时"});
        lines.add(new String[] {"线下学时", c.offlineHours() == null ? "未在本平台记录" : c.offlineHours() + " 学时"});
        lines.add(new String[] {"培训日期", DAY.format(c.startsOn()) + " 至 " + DAY.format(c.endsOn())});
        lines.add(new String[] {"考试成绩", c.score() + " 分（满分 " + c.totalPoints() + " 分，" + c.passMark()
                + " 分合格）"});
        lines.add(new String[] {"完成日期", DAY.format(c.completedOn())});
        lines.add(new String[] {"证明编号", c.number()});
        lines.add(new String[] {"签发时间", MINUTE.format(c.issuedAt().atZone(CHINA))});
        if (c.predecessor() != null) {
            lines.add(new String[] {"替代证明", c.predecessor() + "（已撤销）"});
        }
        return lines;
    }

    /** Two identical halves, as for an unchanged document: a digest of what the certificate states. */
    private static byte[] documentId(Certificate c) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(c.toString().getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(digest.digest(), 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void drawQr(PDPageContentStream out, String text, float x, float y, float side)
            throws IOException {
        ByteMatrix matrix;
        try {
            matrix = Encoder.encode(text, ErrorCorrectionLevel.M, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8"))
                    .getMatrix();
        } catch (WriterException e) {
            throw new IllegalArgumentException("The verification address does not fit a QR code: " + text, e);
        }
        // four modules of quiet zone on each side, as readers expect
        int modules = matrix.getWidth() + 8;
        float module = side / modules;
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int col = 0; col < matrix.getWidth(); col++) {
                if (matrix.get(col, row) == 1) {
                    out.addRect(x + (col + 4) * module, y + side - (row + 5) * module, module, module);
                }
            }
        }
        out.fill();
    }
}
