package cn.anxun.institutions.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.identity.AccessPolicy;
import cn.anxun.identity.AuditLog;
import cn.anxun.identity.Caller;
import cn.anxun.identity.ConflictException;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.NotFoundException;
import cn.anxun.identity.Operation;
import cn.anxun.identity.RecordKind;
import cn.anxun.identity.Scope;
import cn.anxun.identity.Violation;
import cn.anxun.institutions.OfflineInstitution;
import cn.anxun.institutions.OfflineInstitutionEntry;
import cn.anxun.institutions.OfflineRegister;

/**
 * The registers in the {@code OFFLINE_INSTITUTION} table. Only the regulator of a city writes its register; the
 * regulators of the province, the city and its counties and the operator read it. Each change is audited with the
 * city as region.
 */
@Component(service = OfflineRegister.class)
public class OfflineRegisterImpl implements OfflineRegister {

    private final JpaTemplate jpa;
    private final AuditLog audit;
    private final AccessPolicy policy;
    private final Clock clock;

    @Activate
    public OfflineRegisterImpl(@Reference(target = "(osgi.unit.name=anxun-institutions)") JpaTemplate jpa,
            @Reference Clock clock,
            @Reference AuditLog audit, @Reference AccessPolicy policy) {
        this.clock = clock;
        this.policy = policy;
        this.jpa = jpa;
        this.audit = audit;
    }

    @Override
    public List<OfflineInstitution> list(Caller caller, String city) {
        requireReader(caller, city);
        return jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(OfflineInstitutionRecord.OF_CITY,
                OfflineInstitutionRecord.class).setParameter("city", city).getResultList().stream()
                .map(OfflineInstitutionRecord::view).toList());
    }

    @Override
    public OfflineInstitution get(Caller caller, String city, String id) {
        requireReader(caller, city);
        return jpa.txExpr(TransactionType.Required, em -> entry(em, city, id).view());
    }

    private void requireReader(Caller caller, String city) {
        policy.require(caller, Operation.READ, Scope.region(RecordKind.OFFLINE_REGISTER, city));
        CityCodes.require(city);
    }

    private static OfflineInstitutionRecord entry(EntityManager em, String city, String id) {
        OfflineInstitutionRecord record = id == null ? null : em.find(OfflineInstitutionRecord.class, id);
        if (record == null || !record.city().equals(city)) {
            throw new NotFoundException("The register of " + city + " has no entry " + id + ".");
        }
        return record;
    }

    @Override
    public OfflineInstitution add(Caller caller, String city, OfflineInstitutionEntry entry) {
        OfflineInstitutionEntry valid = writable(caller, city, entry);
        OfflineInstitution added = CityRegulators.stored(() -> jpa.txExpr(TransactionType.Required, em -> {
            if (find(em, city, valid.creditCode()).isPresent()) {
                throw duplicate(city, valid.creditCode());
            }
            OfflineInstitutionRecord record = new OfflineInstitutionRecord(city, valid, clock.instant());
            em.persist(record);
            OfflineInstitution view = record.view();
            audit.record(em, caller, "offline-register.added", target(view), city, "success", valid.creditCode());
            return view;
        }), "the register of " + city + " changed at the same moment (a credit code is in it once only)");
        return added;
    }

    @Override
    public OfflineInstitution update(Caller caller, String city, String id, OfflineInstitutionEntry entry) {
        OfflineInstitutionEntry valid = writable(caller, city, entry);
        OfflineInstitution updated = CityRegulators.stored(() -> jpa.txExpr(TransactionType.Required, em -> {
            OfflineInstitutionRecord record = entry(em, city, id);
            Optional<OfflineInstitutionRecord> holder = find(em, city, valid.creditCode());
            if (holder.isPresent() && holder.get() != record) {
                throw duplicate(city, valid.creditCode());
            }
            record.set(valid, clock.instant());
            OfflineInstitution view = record.view();
            audit.record(em, caller, "offline-register.updated", target(view), city, "success", valid.creditCode());
            return view;
        }), "the register of " + city + " changed at the same moment (a credit code is in it once only)");
        return updated;
    }

    @Override
    public Import importCsv(Caller caller, String city, byte[] csv) {
        requireWriter(caller, city);
        List<RegisterCsv.Row> rows = RegisterCsv.read(csv == null ? new byte[0] : csv);
        Import done = CityRegulators.stored(() -> jpa.txExpr(TransactionType.Required, em -> {
            int added = 0;
            int replaced = 0;
            for (RegisterCsv.Row row : rows) {
                Optional<OfflineInstitutionRecord> existing = find(em, city, row.entry().creditCode());
                if (existing.isPresent()) {
                    existing.get().set(row.entry(), clock.instant());
                    replaced++;
                } else {
                    em.persist(new OfflineInstitutionRecord(city, row.entry(), clock.instant()));
                    added++;
                }
            }
            audit.record(em, caller, "offline-register.imported", "offline-register:" + city, city, "success",
                    added + " added, " + replaced + " replaced");
            return new Import(added, replaced);
        }), "the register of " + city + " changed at the same moment (a credit code is in it once only)");
        return done;
    }

    private OfflineInstitutionEntry writable(Caller caller, String city, OfflineInstitutionEntry entry) {
        requireWriter(caller, city);
        if (entry == null) {
            throw new InvalidInputException("", "required", "a JSON body with the entry is required");
        }
        OfflineInstitutionEntry normalised = EntryRules.normalised(entry);
        List<Violation> violations = EntryRules.check("", normalised);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return normalised;
    }

    private void requireWriter(Caller caller, String city) {
        policy.require(caller, Operation.UPDATE, Scope.region(RecordKind.OFFLINE_REGISTER, city));
        CityCodes.require(city);
    }

    private static ConflictException duplicate(String city, String creditCode) {
        return new ConflictException("The register of " + city + " has an entry with the credit code " + creditCode
                + " already; update that entry instead.");
    }

    private static Optional<OfflineInstitutionRecord> find(EntityManager em, String city, String creditCode) {
        return em.createNamedQuery(OfflineInstitutionRecord.BY_CREDIT_CODE, OfflineInstitutionRecord.class)
                .setParameter("city", city).setParameter("code", creditCode).getResultStream().findFirst();
    }

    private static String target(OfflineInstitution institution) {
        return "offline-institution:" + institution.id();
    }
}
