package cn.anxun.sheets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.anxun.identity.InvalidInputException;
import cn.anxun.platform.text.UploadedText;

/**
 * The first sheet of a file as lines of text cells: a workbook ({@code .xlsx} or the older {@code .xls}, told apart by
 * their first bytes) or CSV in UTF-8 or GBK. Lines are numbered as the spreadsheet shows them, from 1.
 */
public final class Sheet {

    /** A line that is not blank, its cells as the spreadsheet displays them, stripped. */
    public record Line(int number, List<String> cells) {

        public String cell(int column) {
            return column >= 0 && column < cells.size() ? cells.get(column) : "";
        }
    }

    /** More lines than any upload needs: a guard against a sheet of a million formatted rows. */
    public static final int MAX_LINES = 20_001;

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private Sheet() {
    }

    /**
     * The lines of the first sheet, at most {@link #MAX_LINES}.
     *
     * @throws InvalidInputException naming the field {@code file} if it is empty or cannot be read
     */
    public static List<Line> read(byte[] file) {
        if (file == null || file.length == 0) {
            throw new InvalidInputException("file", "required", "is a spreadsheet (.xlsx, .xls) or CSV file");
        }
        if (startsWith(file, ZIP) || startsWith(file, OLE2)) {
            return workbook(file, startsWith(file, ZIP));
        }
        return csv(UploadedText.decode(file).orElseThrow(() -> new InvalidInputException("file", "encoding",
                "is a workbook, or CSV text in UTF-8 or GBK; it is neither (a stray byte, or another encoding)")));
    }

    private static List<Line> workbook(byte[] file, boolean xlsx) {
        DataFormatter formatter = new DataFormatter();
        formatter.setUseCachedValuesForFormulaCells(true);
        try (InputStream in = new ByteArrayInputStream(file);
                Workbook workbook = xlsx ? new XSSFWorkbook(in) : new HSSFWorkbook(in)) {
            List<Line> lines = new ArrayList<>();
            for (Row row : workbook.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int column = 0; column < Math.max(row.getLastCellNum(), 0); column++) {
                    Cell cell = row.getCell(column);
                    cells.add(cell == null ? "" : formatter.formatCellValue(cell).strip());
                }
                if (add(lines, new Line(row.getRowNum() + 1, cells))) {
                    break;
                }
            }
            return lines;
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("file", xlsx ? "xlsx" : "xls", "is not a workbook that can be read "
                    + "(damaged, or protected by a password): " + e.getMessage());
        }
    }

    private static List<Line> csv(String text) {
        List<Line> lines = new ArrayList<>();
        try {
            for (CSVRecord record : CSVFormat.DEFAULT.parse(new StringReader(text))) {
                if (add(lines, new Line((int) record.getRecordNumber(), record.stream().map(Sheet::cell).toList()))) {
                    break;
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new InvalidInputException("file", "csv", "is not CSV that can be read: " + e.getMessage());
        }
        return lines;
    }

    /** A CSV cell as it was before {@link SheetWriter} defused it, stripped. */
    private static String cell(String text) {
        String cell = text.strip();
        return cell.length() > 1 && cell.charAt(0) == '\'' && SheetWriter.FORMULA_STARTS.indexOf(cell.charAt(1)) >= 0
                ? cell.substring(1) : cell;
    }

    /** Adds a line that is not blank; answers whether there are too many to read on. */
    private static boolean add(List<Line> lines, Line line) {
        if (line.cells().stream().anyMatch(cell -> !cell.isEmpty())) {
            lines.add(line);
        }
        return lines.size() >= MAX_LINES;
    }

    private static boolean startsWith(byte[] file, byte[] magic) {
        return file.length >= magic.length && Arrays.equals(file, 0, magic.length, magic, 0, magic.length);
    }
}
