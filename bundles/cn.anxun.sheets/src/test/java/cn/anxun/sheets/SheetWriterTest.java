package cn.anxun.sheets;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.Test;

public class SheetWriterTest {

    private static final Object[] ROW = {"广州市", 2700L, "=HYPERLINK(\"http://x\")", null, "-5", "@SUM(A1)"};

    @Test
    public void csvStartsWithAByteOrderMarkDefusesFormulasAndReadsBackAsWritten() {
        byte[] csv = written(SheetFormat.CSV);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text, text.startsWith("\uFEFFcity,seconds,link,empty,signed,at\r\n广州市,2700,"));
        assertTrue(text, text.contains(",\"'=HYPERLINK(\"\"http://x\"\")\",,'-5,'@SUM(A1)\r\n"));
        assertEquals(List.of("广州市", "2700", "=HYPERLINK(\"http://x\")", "", "-5", "@SUM(A1)"),
                Sheet.read(csv).get(1).cells());
    }

    @Test
    public void aWorkbookKeepsNumbersAsNumbersAndFormulaLikeTextAsText() throws Exception {
        byte[] xlsx = written(SheetFormat.XLSX);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Row row = workbook.getSheetAt(0).getRow(1);
            assertEquals(CellType.NUMERIC, row.getCell(1).getCellType());
            assertEquals(2700, row.getCell(1).getNumericCellValue(), 0);
            assertEquals(CellType.STRING, row.getCell(2).getCellType());
            assertEquals(1, workbook.getSheetAt(0).getPaneInformation().getHorizontalSplitPosition());
        }
        assertEquals(List.of("广州市", "2700", "=HYPERLINK(\"http://x\")", "", "-5", "@SUM(A1)"),
                Sheet.read(xlsx).get(1).cells());
    }

    private static byte[] written(SheetFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SheetWriter sheet = SheetWriter.open(format, out, "city", "seconds", "link", "empty", "signed", "at")) {
            sheet.row(ROW);
        }
        return out.toByteArray();
    }
}
