package cn.anxun.institutions.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import cn.anxun.institutions.InstitutionRecords;
import cn.anxun.institutions.Registration;

/**
 * An institution's records as CSV, one row per step of each registration. Starts with a byte order mark so that
 * spreadsheet programs read the Chinese text as UTF-8, and defuses cells a spreadsheet would run as formulas.
 */
final class RecordsCsv {

    private static final String[] HEADER = {"registrationId", "city", "institutionName", "creditCode", "status",
        "registrationNumber", "letterId", "letterFilename", "letterSha256", "stepAt", "stepAction", "stepStatus",
        "stepActor", "stepActorRole", "stepReason"};

    private RecordsCsv() {
    }

    static String write(InstitutionRecords records) {
        StringWriter out = new StringWriter().append('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER)
                .setRecordSeparator("\r\n").get())) {
            for (Registration registration : records.registrations()) {
                for (Registration.Step step : registration.history()) {
                    csv.printRecord(cells(registration.id(), registration.city(), registration.institutionName(),
                            registration.creditCode(), registration.status(), registration.registrationNumber(),
                            registration.letter().id(), registration.letter().filename(),
                            registration.letter().sha256(), step.at(), step.action(), step.status(), step.actor(),
                            step.actorRole(), step.reason()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static Object[] cells(Object... values) {
        Object[] cells = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            String text = Objects.toString(values[i], "");
            cells[i] = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        }
        return cells;
    }
}
