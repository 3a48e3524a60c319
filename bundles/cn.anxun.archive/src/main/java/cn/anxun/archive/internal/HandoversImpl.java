package cn.anxun.archive.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import cn.anxun.archive.HandoverImport;
import cn.anxun.archive.HandoverPackage;
import cn.anxun.archive.Handovers;
import cn.anxun.archive.ImportedArchive;
import cn.anxun.classes.Classes;
import cn.anxun.classes.TrainingClass;
import cn.anxun.identity.AccessPolicy;
import cn.anxun.identity.AuditLog;
import cn.anxun.identity.Caller;
import cn.anxun.identity.IdNumber;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.Learners;
import cn.anxun.identity.NotFoundException;
import cn.anxun.identity.Operation;
import cn.anxun.identity.RecordKind;
import cn.anxun.identity.Scope;
import cn.anxun.identity.Sealing;
import cn.anxun.institutions.Registrations;
import cn.anxun.ledger.Ledger;
import cn.anxun.ledger.proof.VerifierKey;
import cn.anxun.platform.node.Node;

/**
 * Handover packages: who may export an institution's, and import one, and read what was taken over. The package is
 * written by {@link PackageExport}, checked by {@link ReceivedPackage} and taken over by {@link PackageImport}.
 */
@Component(service = Handovers.class)
public class HandoversImpl implements Handovers {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneId.of("Asia/Shanghai"));
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final Clock clock;
    private final Classes classes;
    private final Registrations registrations;
    private final AuditLog audit;
    private final AccessPolicy policy;
    private final Sealing sealing;
    private final JpaTemplate jpa;
    private final HandoverKey key;
    private final PackageExport exports;
    private final PackageImport imports;

    @Activate
    public HandoversImpl(@Reference Clock clock, @Reference Archives archives, @Reference Classes classes,
            @Reference Learners learners, @Reference Ledger ledger, @Reference Registrations registrations,
            @Reference AuditLog audit, @Reference AccessPolicy policy, @Reference Sealing sealing,
            @Reference(target = "(osgi.unit.name=anxun-archive)") JpaTemplate jpa, @Reference Node node) {
        this.clock = clock;
        this.key = new HandoverKey(node.keys(), node::mayMake);
        this.policy = policy;
        this.classes = classes;
        this.registrations = registrations;
        this.audit = audit;
        this.sealing = sealing;
        this.jpa = jpa;
        this.exports = new PackageExport(archives, classes, learners, ledger, audit);
        this.imports = new PackageImport(clock, learners, audit, sealing, jpa, key);
    }

    @Override
    public String receiverKey() {
        return key.publicJwk();
    }

    @Override
    public HandoverPackage export(Caller caller, String institutionId, String receiverKey) {
        policy.require(caller, Operation.EXPORT, registrations.scope(RecordKind.HANDOVER, institutionId,
                institutionId));
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
                exports.write(caller, institutionId, ofInstitution, receiver, at, new BagWriter(out, root));
            }
        };
    }

    @Override
    public HandoverImport importPackage(Caller caller, InputStream zip, String sourceKey) {
        policy.require(caller, Operation.IMPORT, Scope.platform(RecordKind.HANDOVER, null));
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
                return importOf(caller, imports.take(caller, received, sourceKey.strip()));
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
        policy.require(caller, Operation.READ, Scope.platform(RecordKind.HANDOVER, importId));
        return jpa.txExpr(TransactionType.Required, em -> {
            HandoverImportRecord found = importId == null ? null : em.find(HandoverImportRecord.class, importId);
            if (found == null) {
                throw new NotFoundException("There is no import " + importId + ".");
            }
            List<HandoverImport.Taken> learnersTaken = new ArrayList<>();
            List<HandoverImport.Taken> classesTaken = new ArrayList<>();
            em.createNamedQuery(ImportedArchiveRecord.OF_IMPORT, ImportedArchiveRecord.class).setParameter("import",
                    importId).getResultStream().filter(archive -> policy.allows(caller, Operation.READ,
                            scope(archive))).forEach(archive -> (
                            ImportedArchiveRecord.LEARNER.equals(archive.kind()) ? learnersTaken : classesTaken)
                            .add(archive.taken()));
            return found.view(learnersTaken, classesTaken);
        });
    }

    @Override
    public ImportedArchive imported(Caller caller, String archiveId) {
        ImportedArchiveRecord found = jpa.txExpr(TransactionType.Required, em -> archiveId == null ? null
            : em.find(ImportedArchiveRecord.class, archiveId));
        if (found == null) {
            throw new NotFoundException("There is no archive " + archiveId + " taken over.");
        }
        policy.require(caller, Operation.READ, scope(found));
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

    /** An archive taken over lies where its learner lived (county, else city) or where its class was. */
    private static Scope scope(ImportedArchiveRecord archive) {
        return new Scope(RecordKind.IMPORTED_ARCHIVE, "imported-archive:" + archive.id(), Set.of(), Set.of(),
                Set.of(archive.county() == null ? archive.city() : archive.county()), false);
    }

    static JsonNode read(byte[] json) {
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

    static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An archive's records are plain values", e);
        }
    }

}
