package cn.anxun.institutions.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.Test;

import cn.anxun.institutions.InstitutionRecords;
import cn.anxun.institutions.Registration;
import cn.anxun.institutions.Registration.Action;
import cn.anxun.institutions.Registration.Status;
import cn.anxun.institutions.SubmittedDocument;

public class RecordsCsvTest {

    private static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");

    @Test
    public void oneRowPerStepReadableBySpreadsheetsAndNotRunAsFormulas() {
        SubmittedDocument letter = new SubmittedDocument("d1", "inst", "意向书.pdf", "application/pdf", 900, "ab12", 1,
                NOW, "admin-1");
        Registration registration = new Registration("r1", "inst", "广州安培, \"职业\"学校", "9144030071526726XG",
                "440100", Status.REJECTED, null, letter, NOW, null, List.of(
                        new Registration.Step(NOW, Action.SUBMIT, Status.SUBMITTED, "admin-1", "INSTITUTION_ADMIN", null),
                        new Registration.Step(NOW, Action.REJECT, Status.REJECTED, "gz-1", "CITY_REGULATOR",
                                "=HYPERLINK(\"http://x\")")));
        String csv = RecordsCsv.write(new InstitutionRecords("inst", "广州安培", "9144030071526726XG",
                List.of(registration), List.of(letter)));

        assertTrue(csv.startsWith("\uFEFFregistrationId,city,"));
        String[] rows = csv.substring(1).split("\r\n");
        assertEquals(3, rows.length);
        assertTrue(rows[1], rows[1].contains("\"广州安培, \"\"职业\"\"学校\""));
        assertTrue(rows[2], rows[2].endsWith(",\"'=HYPERLINK(\"\"http://x\"\")\""));
    }
}
