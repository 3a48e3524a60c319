package cn.anxun.institutions.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import cn.anxun.institutions.InstitutionRecords;
import cn.anxun.institutions.Registration;
import cn.anxun.sheets.SheetFormat;
import cn.anxun.sheets.SheetWriter;

/**
 * An institution's records as CSV, one row per step of each registration.
 */
final class RecordsCsv {

    private static final String[] HEADER = {"registrationId", "city", "institutionName", "creditCode", "status",
        "registrationNumber", "letterId", "letterFilename", "letterSha256", "stepAt", "stepAction", "stepStatus",
        "stepActor", "stepActorRole", "stepReason"};

    private RecordsCsv() {
    }

    static String write(InstitutionRecords records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SheetWriter csv = SheetWriter.open(SheetFormat.CSV, out, HEADER)) {
            for (Registration registration : records.registrations()) {
                for (Registration.Step step : registration.history()) {
                    csv.row(registration.id(), registration.city(), registration.institutionName(),
                            registration.creditCode(), registration.status(), registration.registrationNumber(),
                            registration.letter().id(), registration.letter().filename(),
                            registration.letter().sha256(), step.at(), step.action(), step.status(), step.actor(),
                            step.actorRole(), step.reason());
                }
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
