package cn.anxun.institutions.internal;

import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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

import cn.anxun.cities.City;
import cn.anxun.cities.CityRegistry;
import cn.anxun.documents.PdfDocument;
import cn.anxun.identity.AccessPolicy;
import cn.anxun.identity.AuditLog;
import cn.anxun.identity.Caller;
import cn.anxun.identity.ConflictException;
import cn.anxun.identity.FileNames;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.NewestFirst;
import cn.anxun.identity.NotFoundException;
import cn.anxun.identity.Operation;
import cn.anxun.identity.Reach;
import cn.anxun.identity.RecordKind;
import cn.anxun.identity.RegionQuery;
import cn.anxun.identity.Regions;
import cn.anxun.identity.Relation;
import cn.anxun.identity.Role;
import cn.anxun.identity.Scope;
import cn.anxun.institutions.Decision;
import cn.anxun.institutions.InstitutionRecords;
import cn.anxun.institutions.Intent;
import cn.anxun.institutions.OfflineInstitution;
import cn.anxun.institutions.ProvinceReport;
import cn.anxun.institutions.PublicListing;
import cn.anxun.institutions.Registration;
import cn.anxun.institutions.Registration.Action;
import cn.anxun.institutions.Registration.Status;
import cn.anxun.institutions.RegistrationList;
import cn.anxun.institutions.Registrations;
import cn.anxun.institutions.SubmittedDocument;
import cn.anxun.platform.persistence.DatabaseFailure;
import cn.anxun.platform.persistence.KeyBatches;

/**
 * Registrations in the {@code INSTITUTION_REGISTRATION} table, their steps, the announcements and the reports to the
 * province. A decision locks its registration's row, so two regulators cannot take conflicting steps at once.
 * Audit rows go to another persistence unit and are written after the change committed.
 */
@Component(service = Registrations.class, configurationPid = InstitutionsConfig.PID)
@Designate(ocd = InstitutionsConfig.class)
public class RegistrationsImpl implements Registrations {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Logger LOG = LoggerFactory.getLogger(RegistrationsImpl.class);
    /** The first two approvals of a year in a city may both create its counter; the loser tries again. */
    private static final int NUMBER_ATTEMPTS = 2;

    private final JpaTemplate jpa;
    private final AuditLog audit;
    private final AccessPolicy policy;
    private final CityRegistry cities;
    private final Clock clock;
    private static final long DEFAULT_LETTER_MAX_BYTES = 5 * 1024 * 1024;

    private volatile InstitutionsConfig config;

    @Activate
    public RegistrationsImpl(@Reference(target = "(osgi.unit.name=anxun-institutions)") JpaTemplate jpa,
            @Reference Clock clock,
            @Reference AuditLog audit, @Reference AccessPolicy policy, @Reference CityRegistry cities,
            InstitutionsConfig config) {
        this.clock = clock;
        this.policy = policy;
        this.jpa = jpa;
        this.audit = audit;
        this.cities = cities;
        modified(config);
    }

    @Modified
    void modified(InstitutionsConfig newConfig) {
        if (newConfig.letterMaxBytes() < 1) {
            LOG.warn("letterMaxBytes = {} in {}.cfg is not a size; 5 MiB apply", newConfig.letterMaxBytes(),
                    InstitutionsConfig.PID);
        }
        config = newConfig;
    }

    private long letterMaxBytes() {
        return config.letterMaxBytes() < 1 ? DEFAULT_LETTER_MAX_BYTES : config.letterMaxBytes();
    }

    @Override
    public SubmittedDocument uploadLetter(Caller caller, String institutionId, String filename, InputStream pdf) {
        policy.require(caller, Operation.CREATE, scope(RecordKind.INSTITUTION_RECORDS, institutionId, institutionId));
        String name = FileNames.checked("filename", filename, "intent.pdf", ".pdf");
        PdfDocument letter = PdfDocument.read("letter", pdf, letterMaxBytes(), false);
        SubmittedDocument stored = jpa.txExpr(TransactionType.Required, em -> {
            DocumentRecord record = new DocumentRecord(caller.institutionId(), name, letter, clock.instant(),
                    caller.name());
            em.persist(record);
            em.persist(new DocumentContentRecord(record.id(), letter.bytes()));
            SubmittedDocument view = record.view();
            audit.record(em, caller, "institution.letter-uploaded", "document:" + view.id(), null, "success",
                    view.size() + " bytes, " + view.pages() + " pages, sha256 " + view.sha256());
            return view;
        });
        return stored;
    }

    @Override
    public SubmittedDocument.Content document(Caller caller, String institutionId, String documentId) {
        policy.require(caller, Operation.READ, scope(RecordKind.INSTITUTION_RECORDS, institutionId, institutionId));
        SubmittedDocument.Content content = jpa.txExpr(TransactionType.Required, em -> {
            DocumentRecord document = documentId == null || documentId.length() > 36 ? null
                    : em.find(DocumentRecord.class, documentId);
            if (document == null || !document.institutionId().equals(institutionId)) {
                throw new NotFoundException("Institution " + institutionId + " submitted no document " + documentId
                        + ".");
            }
            return new SubmittedDocument.Content(document.view(), content(em, document));
        });
        audit.record(caller, "institution.read-document", "document:" + documentId, null, "success", null);
        return content;
    }

    @Override
    public Registration submit(Caller caller, String city, Intent intent) {
        policy.require(caller, Operation.CREATE, Scope.institution(RecordKind.REGISTRATION, caller.institutionId(),
                caller.institutionId(), List.of()));
        CityCodes.require(city);
        Intent valid = StepRules.checked(intent);
        installed(city, "submit an intent to");
        Registration submitted = CityRegulators.stored(() -> jpa.txExpr(TransactionType.Required, em -> {
            DocumentRecord letter = valid.letterId().length() > 36 ? null : em.find(DocumentRecord.class, valid.letterId());
            if (letter == null || !letter.institutionId().equals(caller.institutionId())) {
                throw new InvalidInputException("letterId", "uploaded-letter", "must be the id of a written intent "
                        + "your institution uploaded (POST /api/v1/institutions/{institutionId}/letters)");
            }
            List<RegistrationRecord> earlier = ofInstitution(em, caller.institutionId());
            Optional<RegistrationRecord> other = earlier.stream()
                    .filter(r -> r.status().open() || r.registrationNumber() != null)
                    .filter(r -> !r.creditCode().equals(valid.creditCode())).findFirst();
            if (other.isPresent()) {
                throw new ConflictException("Your institution registered with the credit code "
                        + other.get().creditCode() + " before; an institution has one credit code in every city.");
            }
            if (em.createNamedQuery(RegistrationRecord.OPEN_WITH_CODE, RegistrationRecord.class)
                    .setParameter("city", city).setParameter("code", valid.creditCode()).getResultStream()
                    .anyMatch(r -> !r.institutionId().equals(caller.institutionId()))) {
                throw new ConflictException("Another account has an open registration in " + city + " for the credit "
                        + "code " + valid.creditCode() + "; an institution registers in a city once.");
            }
            Optional<RegistrationRecord> open = earlier.stream()
                    .filter(r -> r.city().equals(city) && r.status().open()).findFirst();
            if (open.isPresent()) {
                throw new ConflictException("Your institution's registration " + open.get().id() + " in " + city
                        + " is " + open.get().status() + "; a new intent can follow only a rejection or revocation.");
            }
            RegistrationRecord record = new RegistrationRecord(caller.institutionId(), city, valid, clock.instant());
            em.persist(record);
            em.persist(new StepRecord(record.id(), 0, clock.instant(), Action.SUBMIT, Status.SUBMITTED,
                    caller.name(), Role.INSTITUTION_ADMIN.name(), null));
            em.flush();
            audit.record(em, caller, "registration.submitted", target(record.id()), city, "success",
                    valid.creditCode());
            return view(em, record);
        }), "an intent for this institution or credit code reached " + city + " at the same moment");
        return submitted;
    }

    @Override
    public List<Registration> ofCity(Caller caller, String city, Status status) {
        policy.require(caller, Operation.READ, Scope.region(RecordKind.REGISTRATION, city));
        CityCodes.require(city);
        return jpa.txExpr(TransactionType.Required, em -> views(em, em.createNamedQuery(RegistrationRecord.OF_CITY,
                RegistrationRecord.class).setParameter("city", city).getResultStream()
                .filter(r -> status == null || r.status() == status).toList()));
    }

    @Override
    public RegistrationList list(Caller caller, RegionQuery query) {
        Reach.Condition reached = policy.reach(caller, Operation.READ, RecordKind.REGISTRATION).condition(Map.of(
                Relation.OWN_INSTITUTION, "r.institutionId", Relation.IN_REGION_OR_ITS_CITY, "r.city"));
        NewestFirst<RegistrationRecord> list = new NewestFirst<>(RegistrationRecord.class, "r", "submittedAt",
                reached).limit(query.limit(), RegionQuery.MAX_LIMIT)
                .inCityOf("r.city", query.region())
                .equal("r.institutionId", query.institutionId())
                .atLeast("r.submittedAt", query.fromMillis())
                .atMost("r.submittedAt", query.toMillis())
                .after(query.after());
        return jpa.txExpr(TransactionType.Required, em -> {
            NewestFirst.Page<RegistrationRecord> page = list.read(em,
                    r -> r.submittedAt().toEpochMilli(), RegistrationRecord::id);
            return new RegistrationList(views(em, page.rows()), page.next());
        });
    }

    @Override
    public Registration get(Caller caller, String id) {
        RegistrationRecord record = readable(caller, id, Operation.READ);
        return jpa.txExpr(TransactionType.Required, em -> view(em, record));
    }

    @Override
    public SubmittedDocument.Content letter(Caller caller, String id) {
        RegistrationRecord record = readable(caller, id, Operation.READ);
        SubmittedDocument.Content content = jpa.txExpr(TransactionType.Required, em -> {
            DocumentRecord letter = em.find(DocumentRecord.class, record.letterId());
            return new SubmittedDocument.Content(letter.view(), content(em, letter));
        });
        audit.record(caller, "registration.read-letter", target(id), record.city(), "success",
                "document:" + content.document().id());
        return content;
    }

    @Override
    public Registration decide(Caller caller, String id, Decision decision) {
        RegistrationRecord found = readable(caller, id, Operation.DECIDE);
        Decision valid = StepRules.checked(decision);
        Optional<City> city = cities.find(found.city());
        if (valid.action() == Action.APPROVE || valid.action() == Action.REINSTATE) {
            installed(found.city(), StepRules.verb(valid.action()) + " a registration in");
        }
        Registration decided = null;
        for (int attempt = 1; decided == null; attempt++) {
            try {
                decided = jpa.txExpr(TransactionType.Required, em -> {
                    Registration next = step(em, caller, id, valid, city.orElseThrow());
                    audit.record(em, caller, "registration." + StepRules.verb(valid.action()), target(id),
                            found.city(), "success", next.status()
                                    + (next.registrationNumber() == null ? "" : " " + next.registrationNumber()));
                    return next;
                });
            } catch (PersistenceException e) {
                if (!DatabaseFailure.isConflict(e)) {
                    throw e;
                }
                if (attempt == NUMBER_ATTEMPTS) {
                    throw new ConflictException("The registration changed at the same moment; read it again and "
                            + "retry.");
                }
            }
        }
        return decided;
    }

    private Registration step(EntityManager em, Caller caller, String id, Decision decision, City city) {
        RegistrationRecord record = find(em, id);
        em.refresh(record, LockModeType.PESSIMISTIC_WRITE);
        Status next = StepRules.next(record.status(), decision.action());
        if (decision.action() == Action.APPROVE) {
            OfflineInstitution match = offlineMatch(em, record, LockModeType.PESSIMISTIC_WRITE).orElse(null);
            if (match == null || match.status() != OfflineInstitution.Status.ACTIVE) {
                throw new InvalidInputException("action", "offline-register-match", "an institution is registered "
                        + "only if the city's register of reported offline institutions lists its credit code "
                        + record.creditCode() + " as ACTIVE; it " + (match == null ? "does not list it"
                        : "lists it as " + match.status()));
            }
            record.number(counter(em, record.city()).next());
        }
        Instant now = clock.instant();
        record.status(next);
        long steps = em.createNamedQuery(StepRecord.COUNT, Long.class).setParameter("registration", id)
                .getSingleResult();
        em.persist(new StepRecord(id, (int) steps, now, decision.action(), next, caller.name(),
                Role.CITY_REGULATOR.name(), decision.reason()));
        if (Notices.announced(decision.action())) {
            Notices.Text text = Notices.of(decision.action(), record, city, decision.reason(), now);
            em.persist(new AnnouncementRecord(record, decision.action(), text.title(), text.body(), now));
            em.persist(new ProvinceReportRecord(record, decision.action(), decision.reason(), now, caller.name()));
        }
        em.flush();
        return view(em, record);
    }

    /** The city's counter of this year, locked until the transaction ends. */
    private RegistrationCounter counter(EntityManager em, String city) {
        String cityYear = city + "-" + clock.instant().atZone(CHINA).getYear();
        RegistrationCounter counter = em.find(RegistrationCounter.class, cityYear);
        if (counter == null) {
            counter = new RegistrationCounter(cityYear);
            em.persist(counter);
            em.flush();
        }
        em.refresh(counter, LockModeType.PESSIMISTIC_WRITE);
        return counter;
    }

    @Override
    public List<ProvinceReport> provinceReports(Caller caller, String city) {
        policy.require(caller, Operation.READ, Scope.region(RecordKind.PROVINCE_REPORT, Regions.PROVINCE));
        if (city != null) {
            CityCodes.require(city);
        }
        return jpa.txExpr(TransactionType.Required, em -> (city == null
                ? em.createNamedQuery(ProvinceReportRecord.ALL, ProvinceReportRecord.class)
                : em.createNamedQuery(ProvinceReportRecord.OF_CITY, ProvinceReportRecord.class)
                        .setParameter("city", city)).getResultStream().map(ProvinceReportRecord::view).toList());
    }

    @Override
    public PublicListing publicListing(City city) {
        URI officialList = city.module().institutionListUrl();
        return jpa.txExpr(TransactionType.Required, em -> {
            List<RegistrationRecord> listed = em.createNamedQuery(RegistrationRecord.LISTED, RegistrationRecord.class)
                    .setParameter("city", city.code()).getResultList();
            Map<String, List<Registration.Step>> history = history(em,
                    listed.stream().map(RegistrationRecord::id).toList());
            return new PublicListing(city.code(), city.module().name(), city.module().bureau(), officialList,
                    listed.stream().map(r -> new PublicListing.Listed(r.registrationNumber(), r.institutionName(),
                            r.creditCode(), approvedAt(history.getOrDefault(r.id(), List.of())), officialList))
                            .toList(),
                    em.createNamedQuery(AnnouncementRecord.OF_CITY, AnnouncementRecord.class)
                            .setParameter("city", city.code()).getResultStream().map(AnnouncementRecord::view)
                            .toList());
        });
    }

    @Override
    public InstitutionRecords records(Caller caller, String institutionId) {
        policy.require(caller, Operation.READ, scope(RecordKind.INSTITUTION_RECORDS, institutionId, institutionId));
        return jpa.txExpr(TransactionType.Required, em -> {
            List<Registration> registrations = views(em, ofInstitution(em, institutionId));
            Optional<Registration> latest = registrations.stream().reduce((first, second) -> second);
            return new InstitutionRecords(institutionId, latest.map(Registration::institutionName).orElse(null),
                    latest.map(Registration::creditCode).orElse(null), registrations,
                    em.createNamedQuery(DocumentRecord.OF_INSTITUTION, DocumentRecord.class)
                            .setParameter("institution", institutionId).getResultStream().map(DocumentRecord::view)
                            .toList());
        });
    }

    @Override
    public String recordsCsv(Caller caller, String institutionId) {
        return RecordsCsv.write(records(caller, institutionId));
    }

    private void installed(String city, String what) {
        if (cities.installed().stream().noneMatch(c -> c.code().equals(city))) {
            String which = cities.find(city).map(known -> "the module of " + known.module().name() + " is not "
                    + "installed at the moment, so no one can " + what + " it; ").orElse("");
            throw new InvalidInputException("city", "city-module-installed", which + "must be a city whose module "
                    + "is installed on this platform (GET /api/v1/cities lists them)");
        }
    }

    /** The registration, if the caller may act on it so; a registration lies in its city. */
    private RegistrationRecord readable(Caller caller, String id, Operation operation) {
        RegistrationRecord record = jpa.txExpr(TransactionType.Required, em -> find(em, id));
        policy.require(caller, operation, Scope.institution(RecordKind.REGISTRATION, id, record.institutionId(),
                List.of(record.city())));
        return record;
    }

    private static RegistrationRecord find(EntityManager em, String id) {
        RegistrationRecord record = id == null || id.length() > 36 ? null : em.find(RegistrationRecord.class, id);
        if (record == null) {
            throw new NotFoundException("There is no registration " + id + ".");
        }
        return record;
    }

    @Override
    public Set<String> supervisingCities(String institutionId) {
        return jpa.txExpr(TransactionType.Required, em -> ofInstitution(em, institutionId).stream()
                .filter(r -> r.status() == Registration.Status.REGISTERED || r.status() == Registration.Status.SUSPENDED)
                .map(RegistrationRecord::city).collect(Collectors.toSet()));
    }

    @Override
    public Set<String> supervisedIn(String city) {
        return Set.copyOf(jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(
                RegistrationRecord.SUPERVISED_IN, String.class).setParameter("city", city).getResultList()));
    }

    @Override
    public Set<String> trainingCities(String institutionId) {
        return jpa.txExpr(TransactionType.Required, em -> ofInstitution(em, institutionId).stream()
                .filter(r -> r.status() == Registration.Status.REGISTERED)
                .map(RegistrationRecord::city).collect(Collectors.toSet()));
    }

    @Override
    public Optional<Registration> approved(String institutionId, String city) {
        return jpa.txExpr(TransactionType.Required, em -> ofInstitution(em, institutionId).stream()
                .filter(r -> r.city().equals(city) && r.registrationNumber() != null)
                .max(Comparator.comparing(RegistrationRecord::submittedAt)).map(r -> view(em, r)));
    }

    private static List<RegistrationRecord> ofInstitution(EntityManager em, String institutionId) {
        if (institutionId == null || institutionId.length() > 64) {
            return List.of();
        }
        return em.createNamedQuery(RegistrationRecord.OF_INSTITUTION, RegistrationRecord.class)
                .setParameter("institution", institutionId).getResultList();
    }

    private static Optional<OfflineInstitution> offlineMatch(EntityManager em, RegistrationRecord record,
            LockModeType lock) {
        return em.createNamedQuery(OfflineInstitutionRecord.BY_CREDIT_CODE, OfflineInstitutionRecord.class)
                .setParameter("city", record.city()).setParameter("code", record.creditCode()).setLockMode(lock)
                .getResultStream().findFirst().map(OfflineInstitutionRecord::view);
    }

    private static byte[] content(EntityManager em, DocumentRecord document) {
        return em.find(DocumentContentRecord.class, document.id()).bytes();
    }

    private static Instant approvedAt(List<Registration.Step> history) {
        return history.stream().filter(step -> step.action() == Action.APPROVE).findFirst()
                .map(Registration.Step::at).orElse(null);
    }

    private static Registration view(EntityManager em, RegistrationRecord record) {
        return views(em, List.of(record)).get(0);
    }

    /** The registrations with their letters, offline matches and histories, each read for all of them at once. */
    private static List<Registration> views(EntityManager em, List<RegistrationRecord> records) {
        Map<String, List<Registration.Step>> history = history(em,
                records.stream().map(RegistrationRecord::id).toList());
        Map<String, DocumentRecord> letters = KeyBatches.read(records.stream().map(RegistrationRecord::letterId)
                .toList(), ids -> em.createNamedQuery(DocumentRecord.WITH_IDS, DocumentRecord.class)
                .setParameter("ids", ids).getResultList()).stream()
                .collect(Collectors.toMap(DocumentRecord::id, letter -> letter));
        Map<String, OfflineInstitution> offline = KeyBatches.read(records.stream().map(RegistrationRecord::creditCode)
                .toList(), codes -> em.createNamedQuery(OfflineInstitutionRecord.BY_CREDIT_CODES,
                        OfflineInstitutionRecord.class).setParameter("codes", codes).getResultList()).stream()
                .collect(Collectors.toMap(o -> o.city() + "/" + o.creditCode(), OfflineInstitutionRecord::view));
        return records.stream().map(r -> new Registration(r.id(), r.institutionId(), r.institutionName(),
                r.creditCode(), r.city(), r.status(), r.registrationNumber(), letters.get(r.letterId()).view(),
                r.submittedAt(), offline.get(r.city() + "/" + r.creditCode()), history.getOrDefault(r.id(), List.of())))
                .toList();
    }

    private static Map<String, List<Registration.Step>> history(EntityManager em, Collection<String> registrations) {
        return KeyBatches.read(registrations, ids -> em.createNamedQuery(StepRecord.OF_REGISTRATIONS,
                StepRecord.class).setParameter("registrations", ids).getResultList()).stream()
                .collect(Collectors.groupingBy(StepRecord::registrationId,
                        Collectors.mapping(StepRecord::view, Collectors.toList())));
    }

    private static String target(String id) {
        return "registration:" + id;
    }
}
