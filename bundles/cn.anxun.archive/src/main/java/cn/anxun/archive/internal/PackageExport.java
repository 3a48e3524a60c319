package cn.anxun.archive.internal;

import static cn.anxun.archive.internal.HandoversImpl.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.anxun.archive.Archives;
import cn.anxun.archive.ClassArchive;
import cn.anxun.archive.LearnerArchive;
import cn.anxun.archive.internal.ArchiveDocument.Printed;
import cn.anxun.classes.Classes;
import cn.anxun.classes.TrainingClass;
import cn.anxun.identity.AuditLog;
import cn.anxun.identity.Caller;
import cn.anxun.identity.Learners;
import cn.anxun.identity.PersonalData;
import cn.anxun.ledger.Ledger;
import cn.anxun.ledger.SignedCheckpoint;

/**
 * A handover package written: each class's training file, then each of its learners not yet written, read one at a
 * time and sealed beside the reading ({@link SealedAhead}); the learners' printed archives in batches; the index, the
 * ledger's checkpoint and key, the schemas; last the tag files, the manifest signed with the ledger's key.
 */
final class PackageExport {

    /** What the package's index says it is; a receiver reads packages of this format. */
    static final String FORMAT = "anxun-handover/1";
    private static final List<String> SCHEMAS = List.of("index.schema.json", "learner-archive.schema.json",
            "class-archive.schema.json");
    private static final int PRINTED_TOGETHER = 100;

    /**
     * A learner's archive as handed over: with the ID number and name in full, for the receiver to find them again;
     * without, for a learner anonymised when their archive outlived its retention.
     */
    record HandedOver(LearnerArchive archive, PersonalData personalData) {
    }

    record IndexedClass(String id, String name, String programmeCode, String city, int learners) {
    }

    record IndexedLearner(String id, String category, String city, String county, String printedIn) {
    }

    record Index(String format, String institutionId, Instant exportedAt, String exportedBy, Long checkpointSize,
            List<IndexedClass> classes, List<IndexedLearner> learners) {
    }

    private final Archives archives;
    private final Classes classes;
    private final Learners learners;
    private final Ledger ledger;
    private final AuditLog audit;
    private final ArchiveDocument documents = new ArchiveDocument();

    PackageExport(Archives archives, Classes classes, Learners learners, Ledger ledger, AuditLog audit) {
        this.archives = archives;
        this.classes = classes;
        this.learners = learners;
        this.ledger = ledger;
        this.audit = audit;
    }

    void write(Caller caller, String institutionId, List<TrainingClass> ofInstitution,
            ECPublicKey receiver, Instant at, BagWriter bag) throws IOException {
        SignedCheckpoint checkpoint = ledger.checkpointHoldingAll();
        List<IndexedClass> indexedClasses = new ArrayList<>();
        List<IndexedLearner> indexedLearners = new ArrayList<>();
        Set<String> written = new HashSet<>();
        List<Printed> printing = new ArrayList<>();
        List<IndexedLearner> printed = new ArrayList<>();
        try (SealedAhead sealed = new SealedAhead(bag)) {
            for (TrainingClass trainingClass : ofInstitution) {
                ClassArchive file = archives.ofClass(caller, trainingClass.id());
                String folder = "classes/" + trainingClass.id() + "/";
                byte[] fileJson = json(file);
                sealed.payload(folder + "training-file.json.jwe", () -> seal(receiver, fileJson, "application/json"));
                sealed.payload(folder + "training-file.pdf.jwe", () -> seal(receiver, documents.render(List.of(
                        ArchiveDocument.of(file))), "application/pdf"));
                List<String> enrolled = classes.learners(caller, trainingClass.id());
                indexedClasses.add(new IndexedClass(trainingClass.id(), trainingClass.name(),
                        trainingClass.programmeCode(), trainingClass.city(), enrolled.size()));
                for (String learnerId : enrolled) {
                    if (!written.add(learnerId)) {
                        continue;
                    }
                    LearnerArchive archive = archives.ofLearner(caller, learnerId);
                    folder = "learners/" + learnerId + "/";
                    PersonalData personal = archive.learner().anonymisedAt() == null ? learners.personalData(caller,
                            learnerId) : null;
                    byte[] archiveJson = json(new HandedOver(archive, personal));
                    sealed.payload(folder + "archive.json.jwe", () -> seal(receiver, archiveJson, "application/json"));
                    if (checkpoint != null) {
                        bag.payload(folder + "ledger.json", json(ledger.record(caller, learnerId, checkpoint)));
                    }
                    printing.add(ArchiveDocument.of(archive));
                    printed.add(new IndexedLearner(learnerId, archive.learner().category().name(),
                            archive.learner().city(), archive.learner().county(), null));
                    if (printing.size() == PRINTED_TOGETHER) {
                        print(sealed, receiver, printing, printed, indexedLearners);
                    }
                }
            }
            if (!printing.isEmpty()) {
                print(sealed, receiver, printing, printed, indexedLearners);
            }
            sealed.drain();
        }
        if (checkpoint != null) {
            bag.payload("ledger/checkpoint.txt", checkpoint.note().getBytes(StandardCharsets.UTF_8));
            bag.payload("ledger/key.txt", (ledger.verifierKey() + "\n").getBytes(
                    StandardCharsets.UTF_8));
        }
        for (String schema : SCHEMAS) {
            bag.payload("schema/" + schema, schema(schema));
        }
        bag.payload("index.json", json(new Index(FORMAT, institutionId, at, caller.name(), checkpoint == null ? null
            : checkpoint.treeSize(), indexedClasses, indexedLearners)));
        Map<String, String> info = new LinkedHashMap<>();
        info.put("Source-Organization", "安训 Anxun");
        info.put("External-Identifier", "institution:" + institutionId);
        info.put("Bagging-Date", at.atZone(ZoneId.of("Asia/Shanghai")).toLocalDate().toString());
        info.put("Internal-Sender-Description", indexedClasses.size() + " classes, " + indexedLearners.size()
                + " learners; personal data sealed to the receiver's key (JWE)");
        bag.finish(info, manifest -> ledger.signNote("anxun handover package\nmanifest-sha256 "
                + BagWriter.sha256(manifest) + "\ninstitution " + institutionId + "\n"));
        audit.record(caller, "archive.handed-over", "institution:" + institutionId, caller.regionCode(), "success",
                indexedClasses.size() + " classes, " + indexedLearners.size() + " learners");
    }

    /** The learners read since the last batch, printed as one PDF; the index says where each is. */
    private void print(SealedAhead sealed, ECPublicKey receiver, List<Printed> printing,
            List<IndexedLearner> printed, List<IndexedLearner> index) throws IOException {
        String file = String.format("prints/learner-archives-%04d.pdf", index.size() / PRINTED_TOGETHER + 1);
        List<Printed> batch = List.copyOf(printing);
        sealed.payload(file + ".jwe", () -> seal(receiver, documents.render(batch), "application/pdf"));
        printed.forEach(learner -> index.add(new IndexedLearner(learner.id(), learner.category(), learner.city(),
                learner.county(), file)));
        printing.clear();
        printed.clear();
    }

    private static byte[] seal(ECPublicKey receiver, byte[] content, String type) {
        return HandoverKey.seal(receiver, content, type).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] schema(String name) {
        try (InputStream in = PackageExport.class.getResourceAsStream("/handover/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The bundle holds the handover schema " + name, e);
        }
    }
}
