package cn.anxun.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Workbooks as a spreadsheet program saves them: an {@code .xlsx} of one sheet, each cell an inline string, written
 * from its parts so that the test needs no library of the platform's.
 */
final class Workbooks {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";

    private Workbooks() {
    }

    static byte[] xlsx(List<List<String>> rows) {
        StringBuilder sheet = new StringBuilder(XML + "<worksheet xmlns=\"" + MAIN + "\"><sheetData>");
        for (int i = 0; i < rows.size(); i++) {
            sheet.append("<row r=\"").append(i + 1).append("\">");
            for (int j = 0; j < rows.get(i).size(); j++) {
                String value = rows.get(i).get(j);
                if (!value.isEmpty()) {
                    sheet.append("<c r=\"").append((char) ('A' + j)).append(i + 1).append("\" t=\"inlineStr\"><is><t>")
                            .append(escaped(value)).append("</t></is></c>");
                }
            }
            sheet.append("</row>");
        }
        sheet.append("</sheetData></worksheet>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            part(zip, "[Content_Types].xml", XML + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                    + "content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-"
                    + "package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-"
                    + "officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" "
                    + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + "</Types>");
            part(zip, "_rels/.rels", XML + "<Relationships xmlns=\"" + RELATIONSHIPS + "\"><Relationship Id=\"rId1\" "
                    + "Type=\"" + OFFICE + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            part(zip, "xl/workbook.xml", XML + "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + OFFICE + "\"><sheets>"
                    + "<sheet name=\"题库\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            part(zip, "xl/_rels/workbook.xml.rels", XML + "<Relationships xmlns=\"" + RELATIONSHIPS + "\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + OFFICE + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + "</Relationships>");
            part(zip, "xl/worksheets/sheet1.xml", sheet.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void part(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(xml.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String escaped(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
