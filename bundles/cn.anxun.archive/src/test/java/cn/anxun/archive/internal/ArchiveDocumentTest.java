package cn.anxun.archive.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.Test;

import cn.anxun.api.archive.ArchiveRecord;
import cn.anxun.archive.ArchiveSection;
import cn.anxun.archive.internal.ArchiveDocument.Printed;

public class ArchiveDocumentTest {

    private static final Instant READ = Instant.parse("2026-12-06T04:00:00Z");

    @Test
    public void aLongArchiveRunsOnToMorePagesAndLongLinesWrap() throws Exception {
        List<ArchiveRecord> checks = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            checks.add(new ArchiveRecord(READ.plusSeconds(60L * i), "学习中核验：通过（第 " + i + " 次）", null));
        }
        String wrapped = "学时账本 3 条记录" + "；培训班 9f1c0e7a-1b2c-4d5e-8f90-a1b2c3d4e5f6：40.0 学时".repeat(4);
        byte[] pdf = new ArchiveDocument().render(List.of(new Printed("学员电子档案（一人一档）", List.<String[]>of(
                new String[] {"姓名", "买买提·艾力"}), List.of(new ArchiveSection("ledger", "学时记录", List.of(
                        new ArchiveRecord(null, wrapped, null))), new ArchiveSection("face-checks", "人脸识别核验",
                                checks)), READ)));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertTrue(document.getNumberOfPages() >= 3);
            String text = new PDFTextStripper().getText(document);
            for (String shown : new String[] {"学员电子档案", "买买提·艾力", "学时记录", "人脸识别核验", "2026-12-06 12:00",
                    "第 0 次", "第 119 次"}) {
                assertTrue(shown + " in\n" + text, text.contains(shown));
            }
            // wrapped, the whole line is there across its lines
            assertEquals(4, text.replaceAll("\\s", "").split("40.0学时", -1).length - 1);
        }
    }

    @Test
    public void archivesPrintedTogetherEachStartOnAPageOfTheirOwn() throws Exception {
        List<Printed> archives = new ArrayList<>();
        for (String name : new String[] {"张三", "李四", "王五"}) {
            archives.add(new Printed("学员电子档案（一人一档）", List.<String[]>of(new String[] {"姓名", name}),
                    List.of(new ArchiveSection("ledger", "学时记录", List.of(new ArchiveRecord(READ, "学时账本 1 条记录",
                            null)))), READ));
        }
        try (PDDocument document = Loader.loadPDF(new ArchiveDocument().render(archives))) {
            assertEquals(3, document.getNumberOfPages());
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            String second = stripper.getText(document);
            assertTrue(second, second.contains("学员电子档案") && second.contains("李四") && !second.contains("张三"));
        }
    }
}
