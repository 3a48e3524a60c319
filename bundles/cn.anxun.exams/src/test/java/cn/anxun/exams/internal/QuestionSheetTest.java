package cn.anxun.exams.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.Test;

import cn.anxun.exams.Difficulty;
import cn.anxun.exams.Question;
import cn.anxun.exams.QuestionType;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.Violation;
import cn.anxun.sheets.Sheet;
import cn.anxun.sheets.SheetFormat;
import cn.anxun.sheets.SheetWriter;

public class QuestionSheetTest {

    private static final String HEADER = "题号,题型,题干,A,B,C,D,正确答案,答案解析,知识点,难易程度\n";

    private static List<QuestionEntry> read(String csv) {
        return QuestionSheet.read(Sheet.read(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    public void readsTheSpellingsOfInstitutionsSheets() {
        List<QuestionEntry> entries = read("广东省安全培训题库（2026）\n" + HEADER
                + ",判断题,未经培训的人员不得上岗作业。,,,,,√,,法规,易\n"
                + "S-1,单项选择,灭火器的压力表指针在哪个区域表示正常？,红色,绿色,黄色,,b,,消防,\n"
                + "S-2,多选题,动火作业前应当做到：,办理审批,清除可燃物,配备灭火器材,先干再说,\"C, A、B\",审批与防护,动火,较难\n");
        assertEquals(3, entries.size());
        QuestionEntry trueFalse = entries.get(0);
        assertNull(trueFalse.code());
        assertEquals(QuestionType.TRUE_FALSE, trueFalse.type());
        assertEquals(List.of("正确", "错误"), trueFalse.options());
        assertEquals("A", trueFalse.answer());
        assertEquals(Difficulty.EASY, trueFalse.difficulty());
        assertEquals(List.of("红色", "绿色", "黄色"), entries.get(1).options());
        assertEquals("B", entries.get(1).answer());
        assertEquals(Difficulty.MEDIUM, entries.get(1).difficulty());
        assertEquals("ABC", entries.get(2).answer());
        assertEquals(Difficulty.HARD, entries.get(2).difficulty());
        assertEquals("审批与防护", entries.get(2).explanation());
    }

    @Test
    public void everyBrokenRuleIsNamedByItsCell() {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> read(HEADER
                + "S-1,问答,什么是安全？,,,,,安全,,,\n"
                + "S-1,单选,选哪个？,甲,,丙,,E,,,很难\n"
                + "S-3,多选,选哪些？,甲,乙,丙,,A,,,\n"
                + "S-4,判断,,,,,,不知道,,,\n"));
        List<String> cells = refused.violations().stream().map(Violation::field).toList();
        assertEquals(List.of("B2", "E3", "H3", "K3", "A3", "H4", "C5", "H5"), cells);
        Violation gap = refused.violations().get(1);
        assertEquals("no-gap", gap.rule());
        assertEquals("line 3, column E (选项B): is empty while a later option is not", gap.message());
        assertEquals("unique-in-file", refused.violations().get(4).rule());
    }

    @Test
    public void aSheetWithoutItsHeaderIsRefused() {
        assertEquals("header", assertThrows(InvalidInputException.class, () -> read("题目,选项A\n安全吗,是\n"))
                .violations().get(0).rule());
        assertEquals("rows", assertThrows(InvalidInputException.class, () -> read(HEADER)).violations().get(0)
                .rule());
    }

    @Test
    public void anExportReadsBackAsTheSameQuestionsInEitherFormat() {
        List<Question> questions = List.of(
                question(QuestionType.TRUE_FALSE, List.of("正确", "错误"), "B"),
                question(QuestionType.MULTIPLE_CHOICE, List.of("甲", "乙", "丙", "丁"), "ABD"));
        for (SheetFormat format : SheetFormat.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (SheetWriter sheet = SheetWriter.open(format, out, QuestionSheet.header().toArray(String[]::new))) {
                questions.forEach(question -> sheet.row(QuestionSheet.row(question).toArray()));
            }
            List<QuestionEntry> entries = QuestionSheet.read(Sheet.read(out.toByteArray()));
            for (int i = 0; i < questions.size(); i++) {
                Question question = questions.get(i);
                assertEquals(new QuestionEntry(question.code(), question.type(), question.text(), question.options(),
                        question.answer(), question.explanation(), question.knowledgePoint(), question.difficulty()),
                        entries.get(i));
            }
        }
    }

    @Test
    public void gbkCsvIsRead() {
        byte[] gbk = (HEADER + ",判断,安全第一。,,,,,对,,,\n").getBytes(Charset.forName("GBK"));
        assertEquals("安全第一。", QuestionSheet.read(Sheet.read(gbk)).get(0).text());
    }

    @Test
    public void columnsAreNamedAsSpreadsheetsNameThem() {
        assertEquals("A", QuestionSheet.columnLetter(0));
        assertEquals("Z", QuestionSheet.columnLetter(25));
        assertEquals("AA", QuestionSheet.columnLetter(26));
        assertEquals("BA", QuestionSheet.columnLetter(52));
    }

    private static Question question(QuestionType type, List<String> options, String answer) {
        return new Question("id", "bank", "Q-" + type.ordinal(), 1, type, "题目 " + type.label(), options, answer,
                "因为", "知识点", Difficulty.HARD, true, Instant.EPOCH, "staff");
    }
}
