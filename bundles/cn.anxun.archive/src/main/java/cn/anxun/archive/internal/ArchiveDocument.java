package cn.anxun.archive.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.pdfbox.pdmodel.PDDocument;

import cn.anxun.api.archive.ArchiveRecord;
import cn.anxun.archive.ArchiveRetention;
import cn.anxun.archive.ArchiveSection;
import cn.anxun.archive.ClassArchive;
import cn.anxun.archive.LearnerArchive;
import cn.anxun.classes.TrainingClass;
import cn.anxun.identity.Learner;
import cn.anxun.identity.PersonnelCategory;

/**
 * Archives printed for people: each its heading, then each section's records, one line each, wrapped as needed.
 * Several archives in one document each start on a page of their own; the font's glyphs are embedded once.
 */
final class ArchiveDocument {

    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));
    private static final Map<PersonnelCategory, String> CATEGORIES = Map.of(PersonnelCategory.PRINCIPAL_LEADER,
            "主要负责人", PersonnelCategory.SAFETY_MANAGER, "安全生产管理人员", PersonnelCategory.SPECIAL_OPERATION,
            "特种作业人员");

    /** One archive as printed: a title, label and value pairs under it, its sections. */
    record Printed(String title, List<String[]> heading, List<ArchiveSection> sections, Instant readAt) {
    }

    private final ChineseFont font = ChineseFont.get();

    static Printed of(LearnerArchive archive) {
        Learner learner = archive.learner();
        ArchiveRetention retention = archive.retention();
        String employer = learner.employer() == null ? "" : learner.employer().name();
        String category = CATEGORIES.get(learner.category()) + (learner.operationType() == null ? ""
            : "（" + learner.operationType() + "）");
        String keptUntil = MINUTE.format(retention.keptUntil()) + "（" + retention.years() + " 年）"
                + (retention.held() ? "，依法保全中" : "");
        return new Printed("学员电子档案（一人一档）", List.of(new String[] {"姓名", learner.name()},
                new String[] {"身份证号码", Objects.toString(learner.idNumber(), "")}, new String[] {"工作单位",
                    employer}, new String[] {"人员类别", category}, new String[] {"所在地区", learner.county()},
                new String[] {"注册时间", MINUTE.format(learner.registeredAt())}, new String[] {"档案保存至",
                    keptUntil}), archive.sections(), archive.readAt());
    }

    static Printed of(ClassArchive archive) {
        TrainingClass trainingClass = archive.trainingClass();
        return new Printed("培训班培训档案", List.of(new String[] {"培训班", trainingClass.name()},
                new String[] {"培训项目", trainingClass.programmeName()}, new String[] {"培训日期",
                    trainingClass.startsOn() + " 至 " + trainingClass.endsOn()}, new String[] {"报名学员",
                        Integer.toString(trainingClass.learners())}), archive.sections(), archive.readAt());
    }

    byte[] render(List<Printed> archives) {
        synchronized (font.lock()) {
            try (PDDocument document = new PDDocument()) {
                try (Pages pages = new Pages(document, font)) {
                    for (int i = 0; i < archives.size(); i++) {
                        if (i > 0) {
                            pages.nextPage();
                        }
                        print(pages, archives.get(i));
                    }
                }
                document.getDocumentInformation().setTitle(archives.get(0).title());
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
                document.save(bytes);
                return bytes.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException("The archive's PDF could not be made", e);
            }
        }
    }

    private static void print(Pages pages, Printed archive) throws IOException {
        pages.down(20);
        pages.centred(archive.title(), 20);
        pages.down(24);
        pages.centred("打印时间 " + MINUTE.format(archive.readAt()), 10);
        pages.down(36);
        for (String[] field : archive.heading()) {
            pages.field(field[0], field[1], 11, 84);
        }
        for (ArchiveSection section : archive.sections()) {
            pages.down(10);
            pages.paragraph(section.title(), 14, 0);
            for (ArchiveRecord record : section.records()) {
                pages.paragraph((record.at() == null ? "" : MINUTE.format(record.at()) + "  ") + record.summary(),
                        10, 12);
            }
        }
    }
}
