package cn.anxun.institutions.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.Violation;
import cn.anxun.institutions.OfflineInstitution;
import cn.anxun.institutions.OfflineInstitutionEntry;
import cn.anxun.platform.text.UploadedText;

/**
 * Reads a register file: CSV with a header row, in UTF-8 (with or without BOM) or, failing that, GBK, as spreadsheets
 * on Chinese Windows save it. Every row becomes an entry; every broken rule is reported as {@code rows[n].field},
 * {@code n} counting data rows from 1.
 */
final class RegisterCsv {

    static final List<String> HEADER = List.of("name", "creditCode", "filingNumber", "siteAddress", "programmes",
            "status");

    /** One data row. */
    record Row(int number, OfflineInstitutionEntry entry) {
    }

    private RegisterCsv() {
    }

    /** The rows of the file, or the refusal naming every bad row and field. */
    static List<Row> read(byte[] bytes) {
        String text = UploadedText.decode(bytes).orElseThrow(() -> new InvalidInputException("file", "encoding",
                "must be text in UTF-8 or GBK; it is neither (a stray byte, or another encoding)"));
        List<CSVRecord> records;
        try {
            records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get()
                    .parse(new StringReader(text)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw new InvalidInputException("file", "csv", "is not a CSV file with the header " + String.join(",", HEADER)
                    + ": " + e.getMessage());
        }
        List<Violation> violations = new ArrayList<>();
        if (!records.isEmpty() && !records.get(0).getParser().getHeaderNames().equals(HEADER)) {
            throw new InvalidInputException("file", "csv-header", "must start with the header row "
                    + String.join(",", HEADER));
        }
        List<Row> rows = new ArrayList<>();
        Set<String> creditCodes = new HashSet<>();
        for (CSVRecord record : records) {
            if (record.stream().allMatch(String::isBlank)) {
                continue; // spreadsheets save formatted empty rows as a line of commas
            }
            int number = rows.size() + 1;
            String prefix = "rows[" + number + "].";
            if (!record.isConsistent()) {
                violations.add(new Violation("rows[" + number + "]", "csv-columns", "must have " + HEADER.size()
                        + " columns, has " + record.size()));
                rows.add(new Row(number, null));
                continue;
            }
            String rawStatus = record.get("status");
            OfflineInstitution.Status status = status(rawStatus);
            OfflineInstitutionEntry entry = EntryRules.normalised(new OfflineInstitutionEntry(record.get("name"),
                    record.get("creditCode"), record.get("filingNumber"), record.get("siteAddress"),
                    Arrays.asList(record.get("programmes").split("[;；]")), status));
            List<Violation> rowViolations = new ArrayList<>(EntryRules.check(prefix, entry));
            if (status == null && !rawStatus.isEmpty()) {
                rowViolations.removeIf(violation -> violation.field().equals(prefix + "status"));
                rowViolations.add(new Violation(prefix + "status", "one-of", "must be ACTIVE, SUSPENDED or CLOSED"));
            }
            if (entry.creditCode() != null && !creditCodes.add(entry.creditCode())) {
                rowViolations.add(new Violation(prefix + "creditCode", "unique-in-file",
                        "appears on an earlier row of the file as well"));
            }
            violations.addAll(rowViolations);
            rows.add(new Row(number, entry));
        }
        if (rows.isEmpty()) {
            violations.add(new Violation("file", "rows", "has no data rows"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return rows;
    }

    private static OfflineInstitution.Status status(String value) {
        try {
            return value.isEmpty() ? null : OfflineInstitution.Status.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
