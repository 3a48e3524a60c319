package cn.anxun.archive.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;

import cn.anxun.api.archive.ArchiveRecord;
import cn.anxun.archive.ArchiveSection;

/** An archive printed for people: its heading, then each section's records, one line each, wrapped as needed. */
final class ArchiveDocument {

    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final ChineseFont font = ChineseFont.get();

    /**
     * @param heading label and value pairs under the title
     */
    byte[] render(String title, List<String[]> heading, List<ArchiveSection> sections, Instant readAt) {
        synchronized (font.lock()) {
            try (PDDocument document = new PDDocument()) {
                try (Pages pages = new Pages(document, font)) {
                    pages.down(20);
                    pages.centred(title, 20);
                    pages.down(24);
                    pages.centred("打印时间 " + MINUTE.format(readAt), 10);
                    pages.down(36);
                    for (String[] field : heading) {
                        pages.field(field[0], field[1], 11, 84);
                    }
                    for (ArchiveSection section : sections) {
                        pages.down(10);
                        pages.paragraph(section.title(), 14, 0);
                        for (ArchiveRecord record : section.records()) {
                            pages.paragraph((record.at() == null ? "" : MINUTE.format(record.at()) + "  ")
                                    + record.summary(), 10, 12);
                        }
                    }
                }
                document.getDocumentInformation().setTitle(title);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
                document.save(bytes);
                return bytes.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException("The archive's PDF could not be made", e);
            }
        }
    }
}
