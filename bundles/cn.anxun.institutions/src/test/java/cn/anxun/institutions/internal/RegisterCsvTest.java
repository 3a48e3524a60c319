package cn.anxun.institutions.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.Test;

import cn.anxun.identity.InvalidInputException;
import cn.anxun.institutions.OfflineInstitution;

public class RegisterCsvTest {

    private static final String HEADER = "name,creditCode,filingNumber,siteAddress,programmes,status\n";
    private static final String GOOD = "广州安培职业培训学校,91350100M000100Y43,粤应急培备〔2023〕001号,广州市天河区某路1号,"
            + "危险化学品生产单位 主要负责人；低压电工作业,ACTIVE\n";

    @Test
    public void readsUtf8WithAndWithoutBomAndGbk() {
        for (byte[] file : new byte[][] {(HEADER + GOOD).getBytes(StandardCharsets.UTF_8),
            ("\uFEFF" + HEADER + GOOD).getBytes(StandardCharsets.UTF_8),
            (HEADER + GOOD).getBytes(Charset.forName("GBK"))}) {
            List<RegisterCsv.Row> rows = RegisterCsv.read(file);
            assertEquals(1, rows.size());
            assertEquals("广州安培职业培训学校", rows.get(0).entry().name());
            assertEquals(List.of("危险化学品生产单位 主要负责人", "低压电工作业"), rows.get(0).entry().programmes());
            assertEquals(OfflineInstitution.Status.ACTIVE, rows.get(0).entry().status());
        }
    }

    @Test
    public void everyBadRowAndFieldIsNamed() {
        String file = HEADER + GOOD
                + "某学校,91350100M000100Y44,备001,地址,低压电工作业,ACTIVE\n"
                + ",914403001922038216,,地址,,PAUSED\n"
                + "又一学校,91350100M000100Y43,备002,地址,高压电工作业,active\n"
                + "少一列,914403001922038216,备003,地址\n";
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> RegisterCsv.read(file.getBytes(StandardCharsets.UTF_8)));
        Map<String, String> errors = new TreeMap<>();
        refused.violations().forEach(violation -> errors.put(violation.field(), violation.rule()));
        assertEquals(Map.of(
                "rows[2].creditCode", "gb-32100-check-character",
                "rows[3].name", "required",
                "rows[3].filingNumber", "required",
                "rows[3].programmes", "required",
                "rows[3].status", "one-of",
                "rows[4].creditCode", "unique-in-file",
                "rows[5]", "csv-columns"), errors);
    }

    @Test
    public void aDamagedUtf8FileIsRefusedNotReadAsGbk() {
        byte[] utf8 = (HEADER + GOOD + GOOD.replace("91350100M000100Y43", "914403001922038216"))
                .getBytes(StandardCharsets.UTF_8);
        utf8[HEADER.length() + 5] = (byte) 0xFF;
        assertEquals("encoding", assertThrows(InvalidInputException.class, () -> RegisterCsv.read(utf8))
                .violations().get(0).rule());
    }

    @Test
    public void rowsOfCommasAreSkippedAndRowsCountData() {
        List<RegisterCsv.Row> rows = RegisterCsv.read((HEADER + ",,,,,\n" + GOOD).getBytes(StandardCharsets.UTF_8));
        assertEquals(1, rows.size());
        assertEquals(1, rows.get(0).number());
    }

    @Test
    public void theHeaderIsRequired() {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> RegisterCsv.read(("名称,代码\n" + GOOD).getBytes(StandardCharsets.UTF_8)));
        assertEquals("csv-header", refused.violations().get(0).rule());
        assertEquals("rows", assertThrows(InvalidInputException.class,
                () -> RegisterCsv.read(HEADER.getBytes(StandardCharsets.UTF_8))).violations().get(0).rule());
    }
}
