package cn.anxun.archive.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import com.fasterxml.jackson.databind.JsonNode;

import cn.anxun.identity.AuditLog;
import cn.anxun.identity.Caller;
import cn.anxun.identity.ConflictException;
import cn.anxun.identity.IdNumber;
import cn.anxun.identity.IdNumberLookup;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.Learners;
import cn.anxun.identity.Sealing;
import cn.anxun.identity.Violation;
import cn.anxun.platform.persistence.KeyBatches;

/**
 * A verified handover package taken over: each archive opened to find learners who are here already, then, in one
 * transaction, each archive sealed again with this platform's keys.
 */
final class PackageImport {

    /** Archives kept per flush while an import is stored: memory stays flat however large the package. */
    private static final int STORED_TOGETHER = 200;

    /** An archive of the package about to be kept: where it is in the bag and what finds it again. */
    private record Taking(String kind, String sourceId, String file, String idLookup, String city, String county) {
    }

    private final Clock clock;
    private final Learners learners;
    private final AuditLog audit;
    private final Sealing sealing;
    private final JpaTemplate jpa;
    private final HandoverKey key;

    PackageImport(Clock clock, Learners learners, AuditLog audit, Sealing sealing, JpaTemplate jpa, HandoverKey key) {
        this.clock = clock;
        this.learners = learners;
        this.audit = audit;
        this.sealing = sealing;
        this.jpa = jpa;
        this.key = key;
    }

    /**
     * Opens every archive to find learners who are here already, then keeps the package whole or not at all; answers
     * the import's id.
     */
    String take(Caller caller, ReceivedPackage received, String sourceKey) {
        JsonNode index = HandoversImpl.read(received.bytes("data/index.json"));
        String institution = received.stated("institution");
        if (!PackageExport.FORMAT.equals(index.path("format").asText()) || !index.path("institutionId").asText().equals(
                institution)) {
            throw new InvalidInputException("data/index.json", "format", "is the index of an " + PackageExport.FORMAT
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
        return made.id();
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
            return HandoversImpl.read(key.open(received.text(file)));
        } catch (InvalidInputException e) {
            violations.addAll(e.violations());
        } catch (RuntimeException e) {
            violations.add(new Violation(file, "receiver-key", "does not open with this platform's key: the package "
                    + "was sealed to another receiver"));
        }
        return null;
    }
}
