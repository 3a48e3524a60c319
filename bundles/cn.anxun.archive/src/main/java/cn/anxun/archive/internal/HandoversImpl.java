package cn.anxun.archive.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import cn.anxun.archive.Archives;
import cn.anxun.archive.ClassArchive;
import cn.anxun.archive.HandoverPackage;
import cn.anxun.archive.Handovers;
import cn.anxun.archive.LearnerArchive;
import cn.anxun.archive.internal.ArchiveDocument.Printed;
import cn.anxun.classes.Classes;
import cn.anxun.classes.TrainingClass;
import cn.anxun.identity.AccessDeniedException;
import cn.anxun.identity.AuditLog;
import cn.anxun.identity.Caller;
import cn.anxun.identity.Learners;
import cn.anxun.identity.PersonalData;
import cn.anxun.identity.Role;
import cn.anxun.institutions.Registrations;
import cn.anxun.ledger.Ledger;
import cn.anxun.ledger.SignedCheckpoint;

/**
 * Handover packages: each class's training file, then each of its learners not yet written, read, sealed and written
 * one at a time; the learners' printed archives in batches; the index, the ledger's checkpoint and key, the schemas;
 * last the tag files, the manifest signed with the ledger's key.
 */
@Component(service = Handovers.class)
public class HandoversImpl implements Handovers {

    /** What the package's index says it is; a receiver reads packages of this format. */
    static final String FORMAT = "anxun-handover/1";
    static final List<String> SCHEMAS = List.of("index.schema.json", "learner-archive.schema.json",
            "class-archive.schema.json");
    private static final int PRINTED_TOGETHER = 100;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneId.of("Asia/Shanghai"));
    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    /** A learner's archive as handed over: with the ID number and name in full, for the receiver to register them. */
    record HandedOver(LearnerArchive archive, PersonalData personalData) {
    }

    record IndexedClass(String id, String name, String programmeCode, String city, int learners) {
    }

    record IndexedLearner(String id, String category, String city, String county, String printedIn) {
    }

    record Index(String format, String institutionId, Instant exportedAt, String exportedBy, Long checkpointSize,
            List<IndexedClass> classes, List<IndexedLearner> learners) {
    }

    private final Clock clock;
    private final Archives archives;
    private final Classes classes;
    private final Learners learners;
    private final Ledger ledger;
    private final Registrations registrations;
    private final AuditLog audit;
    private final HandoverKey key = new HandoverKey(Path.of(System.getProperty("karaf.data", "data"), "keys"));
    private final ArchiveDocument documents = new ArchiveDocument();

    @Activate
    public HandoversImpl(@Reference Clock clock, @Reference Archives archives, @Reference Classes classes,
            @Reference Learners learners, @Reference Ledger ledger, @Reference Registrations registrations,
            @Reference AuditLog audit) {
        this.clock = clock;
        this.archives = archives;
        this.classes = classes;
        this.learners = learners;
        this.ledger = ledger;
        this.registrations = registrations;
        this.audit = audit;
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
                bag.payload(folder + "archive.json.jwe", seal(receiver, json(new HandedOver(archive,
                        learners.personalData(caller, learnerId))), "application/json"));
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
