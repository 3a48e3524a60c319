package cn.anxun.sheets;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A table written row by row under a header, so that an export of any length streams:
 * <ul>
 * <li>CSV in UTF-8 with a byte order mark (which spreadsheet programs need to read Chinese text as UTF-8), CRLF line
 * ends, and cells a spreadsheet would run as formulas defused with a leading {@code '}, which {@link Sheet} takes
 * off again;</li>
 * <li>{@code .xlsx} with the header frozen; rows go to a temporary file, not memory, until the workbook is closed.</li>
 * </ul>
 * Closing the writer finishes the file and closes the stream.
 */
public abstract sealed class SheetWriter implements Closeable {

    /** What a cell starts with when a spreadsheet would run it as a formula. */
    static final String FORMULA_STARTS = "=+-@\t\r";

    private SheetWriter() {
    }

    public static SheetWriter open(SheetFormat format, OutputStream out, String... header) {
        SheetWriter writer = format == SheetFormat.CSV ? new Csv(out) : new Xlsx(out);
        writer.row((Object[]) header);
        return writer;
    }

    /** One row; {@code null} is an empty cell, numbers stay numbers in a workbook, anything else is its text. */
    public abstract void row(Object... values);

    @Override
    public abstract void close();

    private static final class Csv extends SheetWriter {

        private final CSVPrinter printer;

        Csv(OutputStream out) {
            try {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.DEFAULT
                        .builder().setRecordSeparator("\r\n").get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void row(Object... values) {
            Object[] cells = new Object[values.length];
            for (int i = 0; i < values.length; i++) {
                String text = Objects.toString(values[i], "");
                cells[i] = !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
            }
            try {
                printer.printRecord(cells);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                printer.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class Xlsx extends SheetWriter {

        private final OutputStream out;
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        private final SXSSFSheet sheet = workbook.createSheet();
        private int rows;

        Xlsx(OutputStream out) {
            this.out = out;
            sheet.createFreezePane(0, 1);
        }

        @Override
        public void row(Object... values) {
            Row row = sheet.createRow(rows++);
            for (int i = 0; i < values.length; i++) {
                if (values[i] instanceof Number number) {
                    row.createCell(i).setCellValue(number.doubleValue());
                } else if (values[i] != null) {
                    // a text cell is never run as a formula, whatever it starts with
                    row.createCell(i).setCellValue(values[i].toString());
                }
            }
        }

        @Override
        public void close() {
            try (out; workbook) {
                workbook.write(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
