package cn.anxun.archive.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import cn.anxun.archive.Archives;
import cn.anxun.archive.ClassArchive;
import cn.anxun.archive.HandoverImport;
import cn.anxun.archive.HandoverPackage;
import cn.anxun.archive.Handovers;
import cn.anxun.archive.ImportedArchive;
import cn.anxun.archive.LearnerArchive;
import cn.anxun.archive.internal.ArchiveDocument.Printed;
import cn.anxun.classes.Classes;
import cn.anxun.classes.TrainingClass;
import cn.anxun.identity.AccessDeniedException;
import cn.anxun.identity.AuditLog;
import cn.anxun.identity.Caller;
import cn.anxun.identity.ConflictException;
import cn.anxun.identity.IdNumber;
import cn.anxun.identity.IdNumberLookup;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.Learners;
import cn.anxun.identity.NotFoundException;
import cn.anxun.identity.PersonalData;
import cn.anxun.identity.Regions;
import cn.anxun.identity.Role;
import cn.anxun.identity.Sealing;
import cn.anxun.identity.Violation;
import cn.anxun.institutions.Registrations;
import cn.anxun.ledger.Ledger;
import cn.anxun.ledger.SignedCheckpoint;
import cn.anxun.ledger.proof.VerifierKey;
import cn.anxun.platform.persistence.KeyBatches;

/**
 * Handover packages. Out: each class's training file, then each of its learners not yet written, read, sealed and
 * written one at a time; the learners' printed archives in batches; the index, the ledger's checkpoint and key, the
 * schemas; last the tag files, the manifest signed with the ledger's key. In: the package checked whole, then each
 * archive opened to find duplicates, then, in one transaction, each archive sealed again with this platform's keys.
 */
@Component(service = Handovers.class)
public class HandoversImpl implements Handovers {

    /** What the package's index says it is; a receiver reads packages of this format. */
    static final String FORMAT = "anxun-handover/1";
    static final List<String> SCHEMAS = List.of("index.schema.json", "learner-archive.schema.json",
            "class-archive.schema.json");
    private static final int PRINTED_TOGETHER = 100;
    /** Archives kept per flush while an import is stored: memory stays flat however large the package. */
    private static final int STORED_TOGETHER = 200;
    private static final Role[] READERS = {Role.OPERATOR, Role.PROVINCE_REGULATOR, Role.CITY_REGULATOR,
        Role.COUNTY_REGULATOR};
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneId.of("Asia/Shanghai"));
    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

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

    /** An archive of the package about to be kept: where it is in the bag and what finds it again. */
    private record Taking(String kind, String sourceId, String file, String idLookup, String city, String county) {
    }

    private final Clock clock;
    private final Archives archives;
    private final Classes classes;
    private final Learners learners;
    private final Ledger ledger;
    private final Registrations registrations;
    private final AuditLog audit;
    private final Sealing sealing;
    private final JpaTemplate jpa;
    private final HandoverKey key = new HandoverKey(Path.of(System.getProperty("karaf.data", "data"), "keys"));
    private final ArchiveDocument documents = new ArchiveDocument();

    @Activate
    public HandoversImpl(@Reference Clock clock, @Reference Archives archives, @Reference Classes classes,
            @Reference Learners learners, @Reference Ledger ledger, @Reference Registrations registrations,
            @Reference AuditLog audit, @Reference Sealing sealing,
            @Reference(target = "(osgi.unit.name=anxun-archive)") JpaTemplate jpa) {
        this.clock = clock;
        this.archives = archives;
        this.classes = classes;
        this.learners = learners;
        this.ledger = ledger;
        this.registrations = registrations;
        this.audit = audit;
        this.sealing = sealing;
        this.jpa = jpa;
    }

    @Override
    public String receiverKey() {
        return key.publicJwk();
    }

    @Override
    public HandoverPackage export(Caller caller, String institutionId, String receiverKey) {
        caller.require("hand over an institution's archives", Role.INSTITUTION_ADMIN, Role.OPERATOR,
                Role.PROVINCE_REGULATOR, Role.CITY_REGULATOR);
        boolean own = caller.has(Role.INSTITUTION_ADMIN) && institutionId.equals(caller.institutionId());
        boolean supervised = caller.has(Role.PROVINCE_REGULATOR, Role.CITY_REGULATOR)
                && registrations.supervises(caller.regionCode(), institutionId);
        if (!own && !supervised && !caller.has(Role.OPERATOR)) {
            audit.record(caller, "archive.handed-over", "institution:" + institutionId, caller.regionCode(),
                    "denied", null);
            throw new AccessDeniedException("An institution's archives are handed over by its administrator, a "
                    + "regulator who supervises it, or the operator.");
        }
        ECPublicKey receiver = HandoverKey.receiver(receiverKey);
        List<TrainingClass> ofInstitution = classes.ofInstitution(caller, institutionId);
        Instant at = clock.instant();
        String root = "anxun-handover-" + institutionId + "-" + STAMP.format(at);
        return new HandoverPackage() {
            @Override
            public String fileName() {
                return root + ".zip";
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                write(caller, institutionId, ofInstitution, receiver, at, new BagWriter(out, root));
            }
        };
    }

    private void write(Caller caller, String institutionId, List<TrainingClass> ofInstitution,
            ECPublicKey receiver, Instant at, BagWriter bag) throws IOException {
        SignedCheckpoint checkpoint = ledger.checkpointHoldingAll();
        List<IndexedClass> indexedClasses = new ArrayList<>();
        List<IndexedLearner> indexedLearners = new ArrayList<>();
        Set<String> written = new HashSet<>();
        List<Printed> printing = new ArrayList<>();
        List<IndexedLearner> printed = new ArrayList<>();
        for (TrainingClass trainingClass : ofInstitution) {
            ClassArchive file = archives.ofClass(caller, trainingClass.id());
            String folder = "classes/" + trainingClass.id() + "/";
            bag.payload(folder + "training-file.json.jwe", seal(receiver, json(file), "application/json"));
            bag.payload(folder + "training-file.pdf.jwe", seal(receiver, documents.render(List.of(
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
                bag.payload(folder + "archive.json.jwe", seal(receiver, json(new HandedOver(archive, personal)),
                        "application/json"));
                if (checkpoint != null) {
                    bag.payload(folder + "ledger.json", json(ledger.record(caller, learnerId, checkpoint)));
                }
                printing.add(ArchiveDocument.of(archive));
                printed.add(new IndexedLearner(learnerId, archive.learner().category().name(),
                        archive.learner().city(), archive.learner().county(), null));
                if (printing.size() == PRINTED_TOGETHER) {
                    print(bag, receiver, printing, printed, indexedLearners);
                }
            }
        }
        if (!printing.isEmpty()) {
            print(bag, receiver, printing, printed, indexedLearners);
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

    @Override
    public HandoverImport importPackage(Caller caller, InputStream zip, String sourceKey) {
        caller.require("import a handover package", Role.OPERATOR);
        VerifierKey source;
        try {
            source = VerifierKey.parse(sourceKey == null ? "" : sourceKey.strip());
        } catch (RuntimeException e) {
            throw new InvalidInputException("sourceKey", "verifier-key", "is the source platform's ledger key, as "
                    + "its GET /api/v1/ledger/key answers it, obtained apart from the package");
        }
        Path file = null;
        try {
            file = Files.createTempFile("handover-import-", ".zip");
            Files.copy(zip, file, StandardCopyOption.REPLACE_EXISTING);
            try (ReceivedPackage received = new ReceivedPackage(file)) {
                received.verify(source);
                return take(caller, received, sourceKey.strip());
            }
        } catch (IOException e) {
            throw new InvalidInputException("package", "bag-layout", "is a zip holding one BagIt bag, as "
                    + "POST /institutions/{id}/handover-package answers it: " + e.getMessage());
        } finally {
            deleteQuietly(file);
        }
    }

    @Override
    public HandoverImport importOf(Caller caller, String importId) {
        caller.require("read an import of archives", READERS);
        return jpa.txExpr(TransactionType.Required, em -> {
            HandoverImportRecord found = importId == null ? null : em.find(HandoverImportRecord.class, importId);
            if (found == null) {
                throw new NotFoundException("There is no import " + importId + ".");
            }
            List<HandoverImport.Taken> learnersTaken = new ArrayList<>();
            List<HandoverImport.Taken> classesTaken = new ArrayList<>();
            em.createNamedQuery(ImportedArchiveRecord.OF_IMPORT, ImportedArchiveRecord.class).setParameter("import",
                    importId).getResultStream().filter(archive -> mayRead(caller, archive)).forEach(archive -> (
                            ImportedArchiveRecord.LEARNER.equals(archive.kind()) ? learnersTaken : classesTaken)
                            .add(archive.taken()));
            return found.view(learnersTaken, classesTaken);
        });
    }

    @Override
    public ImportedArchive imported(Caller caller, String archiveId) {
        caller.require("read an archive taken over", READERS);
        ImportedArchiveRecord found = jpa.txExpr(TransactionType.Required, em -> archiveId == null ? null
            : em.find(ImportedArchiveRecord.class, archiveId));
        if (found == null || !mayRead(caller, found)) {
            throw new NotFoundException("There is no archive " + archiveId + " taken over in your region.");
        }
        JsonNode kept = read(sealing.open(found.sealed(), found.context()));
        audit.record(caller, "archive.read", "imported-archive:" + archiveId, found.city(), "success", null);
        boolean learner = ImportedArchiveRecord.LEARNER.equals(found.kind());
        JsonNode archive = learner ? kept.path("archive") : kept;
        JsonNode personal = kept.path("personalData");
        String name = learner ? archive.path("learner").path("name").asText() : archive.path("trainingClass")
                .path("name").asText();
        return new ImportedArchive(found.id(), found.importId(), found.kind(), found.sourceId(), name,
                personal.isObject() ? IdNumber.mask(personal.path("idNumber").asText()) : null, found.city(),
                found.county(), JSON.convertValue(archive, new TypeReference<Map<String, Object>>() { }));
    }

    /** Opens every archive to find learners who are here already, then keeps the package whole or not at all. */
    private HandoverImport take(Caller caller, ReceivedPackage received, String sourceKey) {
        JsonNode index = read(received.bytes("data/index.json"));
        String institution = received.stated("institution");
        if (!FORMAT.equals(index.path("format").asText()) || !index.path("institutionId").asText().equals(
                institution)) {
            throw new InvalidInputException("data/index.json", "format", "is the index of an " + FORMAT
                    + " package of the institution the signed statement names");
        }
        List<Violation> violations = new ArrayList<>();
        List<Taking> taking = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (JsonNode learner : index.path("learners")) {
            String sourceId = learner.path("id").asText();
            String file = "data/learners/" + sourceId + "/archive.json.jwe";
            JsonNode handed = open(received, file, violations);
            if (handed == null) {
                continue;
            }
            String county = learner.path("county").isTextual() ? learner.path("county").asText() : null;
            if (handed.path("personalData").isNull()) {
                taking.add(new Taking(ImportedArchiveRecord.LEARNER, sourceId, file, null, learner.path("city")
                        .asText(), county));
                continue;
            }
            String idNumber = handed.path("personalData").path("idNumber").asText();
            if (IdNumber.check(file, idNumber, LocalDate.now(clock)).isPresent()) {
                violations.add(new Violation(file, "id-number", "holds no valid ID number"));
                continue;
            }
            IdNumberLookup lookup = learners.lookUp(idNumber);
            if (lookup.registered()) {
                violations.add(new Violation(file, "duplicate", "is the archive of " + IdNumber.mask(idNumber)
                        + ", who is registered on this platform already"));
            } else if (seen.put(lookup.hash(), file) != null) {
                violations.add(new Violation(file, "duplicate", "is a second archive of " + IdNumber.mask(idNumber)
                        + " in the package"));
            }
            taking.add(new Taking(ImportedArchiveRecord.LEARNER, sourceId, file, lookup.hash(), learner.path("city")
                    .asText(), county));
        }
        importedAlready(seen, violations);
        for (JsonNode trainingClass : index.path("classes")) {
            String file = "data/classes/" + trainingClass.path("id").asText() + "/training-file.json.jwe";
            if (open(received, file, violations) != null) {
                taking.add(new Taking(ImportedArchiveRecord.CLASS, trainingClass.path("id").asText(), file, null,
                        trainingClass.path("city").asText(), null));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        HandoverImportRecord made = new HandoverImportRecord(institution, Instant.parse(index.path("exportedAt")
                .asText()), index.path("exportedBy").asText(), clock.instant(), caller.name(), index.path(
                        "checkpointSize").isNumber() ? index.path("checkpointSize").asLong() : null, sourceKey);
        try {
            jpa.tx(TransactionType.Required, em -> store(em, caller, made, received, taking));
        } catch (RuntimeException e) {
            throw new ConflictException("The package could not be kept whole, and nothing of it was: " + e
                    .getMessage());
        }
        return importOf(caller, made.id());
    }

    private void store(EntityManager em, Caller caller, HandoverImportRecord made, ReceivedPackage received,
            List<Taking> taking) {
        em.persist(made);
        int stored = 0;
        for (Taking one : taking) {
            ImportedArchiveRecord archive = new ImportedArchiveRecord(made.id(), one.kind(), one.sourceId(),
                    one.idLookup(), one.city(), one.county());
            archive.sealed(sealing.seal(key.open(received.text(one.file())), archive.context()));
            em.persist(archive);
            if (++stored % STORED_TOGETHER == 0) {
                em.flush();
                em.clear();
            }
        }
        audit.record(em, caller, "archive.imported", "handover-import:" + made.id(), null, "success", taking.size()
                + " archives from institution " + received.stated("institution"));
    }

    /** Learners of the package whose archives were taken over here before. */
    private void importedAlready(Map<String, String> seen, List<Violation> violations) {
        jpa.txExpr(TransactionType.Required, em -> KeyBatches.read(new ArrayList<>(seen.keySet()), batch -> em
                .createNamedQuery(ImportedArchiveRecord.IMPORTED, String.class).setParameter("lookups", batch)
                .getResultList())).forEach(found -> violations.add(new Violation(seen.get(found), "duplicate",
                        "is the archive of a learner whose archive was taken over here before")));
    }

    /** The sealed file opened with this platform's key, or {@code null} with the reason added. */
    private JsonNode open(ReceivedPackage received, String file, List<Violation> violations) {
        try {
            return read(key.open(received.text(file)));
        } catch (InvalidInputException e) {
            violations.addAll(e.violations());
        } catch (RuntimeException e) {
            violations.add(new Violation(file, "receiver-key", "does not open with this platform's key: the package "
                    + "was sealed to another receiver"));
        }
        return null;
    }

    private boolean mayRead(Caller caller, ImportedArchiveRecord archive) {
        return caller.has(Role.OPERATOR) || Regions.covers(caller.regionCode(), archive.county() == null
            ? archive.city() : archive.county());
    }

    private static JsonNode read(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("A record that was signed and sealed as JSON is JSON", e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file left behind is removed with the platform's tmp folder
            }
        }
    }

    /** The learners read since the last batch, printed as one PDF; the index says where each is. */
    private void print(BagWriter bag, ECPublicKey receiver, List<Printed> printing, List<IndexedLearner> printed,
            List<IndexedLearner> index) throws IOException {
        String file = String.format("prints/learner-archives-%04d.pdf", index.size() / PRINTED_TOGETHER + 1);
        bag.payload(file + ".jwe", seal(receiver, documents.render(printing), "application/pdf"));
        printed.forEach(learner -> index.add(new IndexedLearner(learner.id(), learner.category(), learner.city(),
                learner.county(), file)));
        printing.clear();
        printed.clear();
    }

    private static byte[] seal(ECPublicKey receiver, byte[] content, String type) {
        return HandoverKey.seal(receiver, content, type).getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An archive's records are plain values", e);
        }
    }

    private static byte[] schema(String name) {
        try (InputStream in = HandoversImpl.class.getResourceAsStream("/handover/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The bundle holds the handover schema " + name, e);
        }
    }
}
