package cn.anxun.courses.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.anxun.courses.Programme;
import cn.anxun.courses.ProgrammeEntry;
import cn.anxun.courses.Programmes;
import cn.anxun.identity.AccessPolicy;
import cn.anxun.identity.AuditLog;
import cn.anxun.identity.Caller;
import cn.anxun.identity.ConflictException;
import cn.anxun.identity.NotFoundException;
import cn.anxun.identity.Operation;
import cn.anxun.identity.RecordKind;
import cn.anxun.identity.Scope;
import cn.anxun.platform.persistence.DatabaseFailure;
import cn.anxun.platform.persistence.KeyBatches;

/**
 * The programmes in the {@code PROGRAMME} table, one row per version. An empty table is seeded from the national
 * syllabi in {@code programmes.json}. A revision or retirement locks the current version's row.
 */
@Component(service = Programmes.class, configurationPid = CoursesConfig.PID)
@Designate(ocd = CoursesConfig.class)
public class ProgrammesImpl implements Programmes {

    private static final Logger LOG = LoggerFactory.getLogger(ProgrammesImpl.class);

    private final JpaTemplate jpa;
    private final AuditLog audit;
    private final AccessPolicy policy;
    private final Clock clock;
    private volatile CoursesConfig config;

    @Activate
    public ProgrammesImpl(@Reference(target = "(osgi.unit.name=anxun-courses)") JpaTemplate jpa, @Reference Clock clock,
            @Reference AuditLog audit, @Reference AccessPolicy policy, CoursesConfig config) {
        this.clock = clock;
        this.policy = policy;
        this.jpa = jpa;
        this.audit = audit;
        modified(config);
        seedIfEmpty();
    }

    @Modified
    void modified(CoursesConfig newConfig) {
        if (newConfig.initialOnlineShare() < 0 || newConfig.initialOnlineShare() > 80) {
            LOG.error("initialOnlineShare = {} in {}.cfg is outside 0-80 (粤应急规〔2022〕3号 Art. 19); 80 applies",
                    newConfig.initialOnlineShare(), CoursesConfig.PID);
        }
        config = newConfig;
    }

    private int initialShare() {
        int share = config.initialOnlineShare();
        return share < 0 || share > 80 ? 80 : share;
    }

    private void seedIfEmpty() {
        ProgrammeEntry[] seed;
        try (InputStream in = ProgrammesImpl.class.getResourceAsStream("/programmes.json")) {
            seed = new ObjectMapper().readValue(in, ProgrammeEntry[].class);
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled programmes cannot be read", e);
        }
        try {
            int added = jpa.txExpr(TransactionType.Required, em -> {
                if (em.createNamedQuery(ProgrammeRecord.COUNT, Long.class).getSingleResult() > 0) {
                    return 0;
                }
                for (ProgrammeEntry entry : seed) {
                    em.persist(new ProgrammeRecord(ProgrammeRules.checked(entry, initialShare()), 1, clock.instant(),
                            "system"));
                }
                return seed.length;
            });
            if (added > 0) {
                LOG.info("programme catalogue seeded with {} programmes of the national syllabi", added);
            }
        } catch (PersistenceException e) {
            if (!DatabaseFailure.isConflict(e)) {
                throw e;
            }
            LOG.info("programme catalogue seeded by another node at the same moment");
        }
    }

    @Override
    public List<Programme> list(boolean withRetired) {
        int share = initialShare();
        return jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(ProgrammeRecord.IN_USE,
                ProgrammeRecord.class).setParameter("statuses", withRetired ? List.of("CURRENT", "RETIRED")
                        : List.of("CURRENT")).getResultStream()
                .map(record -> record.view(share)).toList());
    }

    @Override
    public List<Programme> versions(String code) {
        int share = initialShare();
        List<Programme> versions = jpa.txExpr(TransactionType.Required, em -> versions(em, code).stream()
                .map(record -> record.view(share)).toList());
        if (versions.isEmpty()) {
            throw new NotFoundException("There is no programme " + code + ".");
        }
        return versions;
    }

    @Override
    public List<Programme> versions(Collection<String> codes) {
        int share = initialShare();
        return jpa.txExpr(TransactionType.Required, em -> KeyBatches.read(codes, chunk -> em.createNamedQuery(
                ProgrammeRecord.VERSIONS, ProgrammeRecord.class).setParameter("codes", chunk).getResultList())
                .stream().map(record -> record.view(share)).toList());
    }

    @Override
    public Programme create(Caller caller, ProgrammeEntry entry) {
        policy.require(caller, Operation.CREATE, Scope.platform(RecordKind.PROGRAMME, entry == null ? null
                : entry.code()));
        ProgrammeEntry valid = ProgrammeRules.checked(entry, initialShare());
        Programme created = stored(valid.code(), () -> jpa.txExpr(TransactionType.Required, em -> {
            if (!versions(em, valid.code()).isEmpty()) {
                throw new ConflictException("There is a programme " + valid.code() + " already; revise it instead.");
            }
            ProgrammeRecord record = new ProgrammeRecord(valid, 1, clock.instant(), caller.name());
            em.persist(record);
            audit.record(em, caller, "programme.created", target(valid.code()), null, "success", "version 1");
            return record.view(initialShare());
        }));
        return created;
    }

    @Override
    public Programme revise(Caller caller, String code, ProgrammeEntry entry) {
        policy.require(caller, Operation.UPDATE, Scope.platform(RecordKind.PROGRAMME, code));
        ProgrammeEntry valid = ProgrammeRules.checked(entry == null ? null : new ProgrammeEntry(code, entry.name(),
                entry.category(), entry.industry(), entry.operationType(), entry.kind(), entry.theoryHours(),
                entry.practicalHours(), entry.onlineShare()), initialShare());
        Programme revised = stored(code, () -> jpa.txExpr(TransactionType.Required, em -> {
            ProgrammeRecord current = current(em, code);
            current.status(Programme.Status.SUPERSEDED);
            ProgrammeRecord next = new ProgrammeRecord(valid, current.version() + 1, clock.instant(), caller.name());
            em.persist(next);
            audit.record(em, caller, "programme.revised", target(code), null, "success",
                    "version " + next.version());
            return next.view(initialShare());
        }));
        return revised;
    }

    @Override
    public Programme retire(Caller caller, String code) {
        policy.require(caller, Operation.REVOKE, Scope.platform(RecordKind.PROGRAMME, code));
        Programme retired = jpa.txExpr(TransactionType.Required, em -> {
            ProgrammeRecord current = current(em, code);
            current.status(Programme.Status.RETIRED);
            audit.record(em, caller, "programme.retired", target(code), null, "success",
                    "version " + current.version());
            return current.view(initialShare());
        });
        return retired;
    }

    /** The version in force, locked; 404 for an unknown code, 409 for a retired programme. */
    private static ProgrammeRecord current(EntityManager em, String code) {
        Optional<ProgrammeRecord> latest = versions(em, code).stream().findFirst();
        if (latest.isEmpty()) {
            throw new NotFoundException("There is no programme " + code + ".");
        }
        em.refresh(latest.get(), LockModeType.PESSIMISTIC_WRITE);
        if (latest.get().status() != Programme.Status.CURRENT) {
            throw new ConflictException("The programme " + code + " is retired; add a programme under a new code.");
        }
        return latest.get();
    }

    private static List<ProgrammeRecord> versions(EntityManager em, String code) {
        return em.createNamedQuery(ProgrammeRecord.VERSIONS, ProgrammeRecord.class)
                .setParameter("codes", List.of(code)).getResultList();
    }

    /** Runs a write; a clash with a concurrent one that the database caught is a conflict. */
    private static <T> T stored(String code, Supplier<T> write) {
        return DatabaseFailure.orRefused(write, () -> new ConflictException("The programme " + code + " changed at the "
                + "same moment; read it again and retry."));
    }

    private static String target(String code) {
        return "programme:" + code;
    }
}
