package cn.anxun.identity.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import cn.anxun.api.city.County;
import cn.anxun.api.identity.IdentityVerifier;
import cn.anxun.api.identity.Verification;
import cn.anxun.cities.City;
import cn.anxun.cities.CityRegistry;
import cn.anxun.identity.AccessPolicy;
import cn.anxun.identity.AuditLog;
import cn.anxun.identity.Caller;
import cn.anxun.identity.ConflictException;
import cn.anxun.identity.CreditCode;
import cn.anxun.identity.Employer;
import cn.anxun.identity.FaceImages;
import cn.anxun.identity.FacePhoto;
import cn.anxun.identity.IdNumber;
import cn.anxun.identity.IdNumberLookup;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.Learner;
import cn.anxun.identity.LearnerRegistration;
import cn.anxun.identity.Learners;
import cn.anxun.identity.NotFoundException;
import cn.anxun.identity.OneTimePassword;
import cn.anxun.identity.Operation;
import cn.anxun.identity.Page;
import cn.anxun.identity.PersonalData;
import cn.anxun.identity.PersonnelCategory;
import cn.anxun.identity.Reach;
import cn.anxun.identity.RecordKind;
import cn.anxun.identity.ReferencePhotoCheck;
import cn.anxun.identity.Relation;
import cn.anxun.identity.RequestLimit;
import cn.anxun.identity.RequestLimits;
import cn.anxun.identity.Scope;
import cn.anxun.identity.ServiceUnavailableException;
import cn.anxun.identity.Violation;
import cn.anxun.platform.jobs.Scheduler;
import cn.anxun.platform.persistence.DatabaseFailure;

/**
 * Learner accounts. The ID number and face photo are sealed before they reach the database; the ID number is
 * found again through its keyed hash. Every read of them, and every refusal, is audited.
 */
@Component(service = Learners.class, configurationPid = IdentityConfig.PID)
public class LearnersImpl implements Learners {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int MAX_PAGE = 200;

    private final JpaTemplate jpa;
    private final Keys keys;
    private final AuditLog audit;
    private final AccessPolicy policy;
    private final CityRegistry cities;
    private volatile ReferencePhotoCheck faces;
    private final PluginChoice<IdentityVerifier> verifiers =
            new PluginChoice<>("identity verifier", IdentityVerifier::id);
    private final Clock clock;
    private final AutoCloseable sealing;

    private volatile IdentityConfig config;
    private volatile Passwords passwords;
    private final RequestLimits requestLimits;
    private volatile RequestLimit registrationLimit;

    @Activate
    public LearnersImpl(@Reference(target = "(osgi.unit.name=anxun-identity)") JpaTemplate jpa,
            @Reference Clock clock, @Reference Keys keys, @Reference AuditLog audit, @Reference CityRegistry cities,
            @Reference Scheduler scheduler, @Reference RequestLimits requestLimits, @Reference AccessPolicy policy,
            IdentityConfig config) {
        this.clock = clock;
        this.policy = policy;
        this.requestLimits = requestLimits;
        this.jpa = jpa;
        this.keys = keys;
        this.audit = audit;
        this.cities = cities;
        modified(config);
        // on one node at a time, which reads and empties the clear columns; after the first run it finds none
        sealing = scheduler.every("learner profiles of an older database sealed", Duration.ZERO, Duration.ofDays(1),
                Duration.ofHours(1), () -> {
                    int sealed;
                    do {
                        sealed = jpa.txExpr(TransactionType.Required, em -> UnsealedProfiles.sealSome(em, keys, 200));
                    } while (sealed > 0 && !Thread.currentThread().isInterrupted());
                });
    }

    @Deactivate
    void deactivate() throws Exception {
        sealing.close();
    }

    @Modified
    void modified(IdentityConfig newConfig) {
        config = newConfig;
        passwords = new Passwords(newConfig.passwordHashCost());
        // each attempt costs a face check, and a registered ID number is told apart from a free one only by attempting
        registrationLimit = new RequestLimit("registration", newConfig.registrationsPerAddress(),
                Duration.ofMinutes(Math.min(Duration.ofDays(1).toMinutes(), newConfig.registrationWindowMinutes())),
                "A site where many workers register together can ask the platform operator to raise the limit.");
    }

    /** The face service's check; while it is missing, registrations and re-enrolments are refused with 503. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setFaces(ReferencePhotoCheck check) {
        faces = check;
    }

    void unsetFaces(ReferencePhotoCheck check) {
        if (faces == check) {
            faces = null;
        }
    }

    /** The rule a reference photo breaks for the face provider of its city, if any. */
    private Optional<Violation> faceProblem(byte[] photo, String city) {
        ReferencePhotoCheck check = faces;
        if (check == null) {
            throw new ServiceUnavailableException("Face checks are not available at the moment, so no reference "
                    + "photo can be accepted. Try again later; operators see it in the log.");
        }
        return check.check("facePhoto", photo, city);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addVerifier(IdentityVerifier verifier) {
        verifiers.add(verifier);
    }

    void removeVerifier(IdentityVerifier verifier) {
        verifiers.remove(verifier);
    }

    @Override
    public Learner register(Caller caller, LearnerRegistration registration) {
        requestLimits.count(caller, registrationLimit);
        if (registration == null) {
            throw new InvalidInputException("", "required", "a JSON body with the registration is required");
        }
        Checks checks = new Checks();
        String name = Checks.foldName(registration.name());
        checks.chineseName("name", name);
        Optional<IdNumber> id = idNumber(checks, registration.idNumber());
        checks.add(Passwords.check("password", registration.password(), registration.idNumber()));
        Employer employer = employer(checks, registration.employer());
        City city = city(checks, registration.city(), registration.county());
        category(checks, registration);
        checks.freeText("jobTitle", registration.jobTitle(), 40, false);
        checks.identifier("institutionId", registration.institutionId());
        checks.freeText("institutionId", registration.institutionId(), 40, false);
        Optional<String> photoType = photo(checks, registration.facePhoto());
        checks.throwIfBroken();
        // the face provider may be a paid service: asked only once everything else is right
        faceProblem(registration.facePhoto(), city.code()).ifPresent(violation -> {
            throw new InvalidInputException(List.of(violation));
        });

        IdentityVerifier verifier = verifiers.chosen(config.identityVerifier());
        Verification verification = verifier.verify(name, id.orElseThrow().value());
        if (!verification.confirmed()) {
            audit.record(caller, "learner.verification-refused", null, city.code(), "denied", verifier.id());
            throw new InvalidInputException("idNumber", "identity-verification", "was not confirmed by "
                    + verifier.label() + ": " + verification.reason());
        }
        String lookup = keys.lookupHash(id.get().value());
        String hash = passwords.hash(registration.password());
        Optional<Learner> registered;
        try {
            registered = jpa.txExpr(TransactionType.Required, em -> {
                Optional<Account> existing = AccountStore.byIdLookup(em, lookup);
                if (existing.isPresent()) {
                    audit.record(caller, "learner.registration-refused", target(existing.get()),
                            existing.get().regionCode(), "denied", "the ID number is registered already");
                    return Optional.<Learner>empty();
                }
                Instant now = clock.instant();
                String region = registration.county() == null ? city.code() : registration.county();
                Account account = Account.learner(lookup, hash, region, registration.institutionId(), now);
                em.persist(account);
                LearnerRecord learner = new LearnerRecord(account.id(), keys.seal(bytes(id.get().value()),
                        idContext(account.id())), id.get().sex(), city.code(), registration.county(),
                        registration.category(), blankToNull(registration.operationType()), verifier.id(),
                        verification.level(), now);
                learner.profile(keys, new LearnerProfile(name, employer, blankToNull(registration.jobTitle())));
                em.persist(learner);
                FacePhotoRecord photo = new FacePhotoRecord(account.id(), photoType.orElseThrow(), now);
                photo.sealed(keys.seal(registration.facePhoto(), photoContext(account.id(), photo.id())));
                em.persist(photo);
                em.flush();
                audit.record(caller, "learner.registered", target(account), region, "success",
                        "verified by " + verifier.id() + " (" + verification.level() + ")");
                return Optional.of(view(em, account, learner));
            });
        } catch (PersistenceException e) {
            // the unique key on the look-up hash caught a registration made at the same moment
            if (DatabaseFailure.isConflict(e) && jpa.txExpr(TransactionType.Required, em -> AccountStore.byIdLookup(em, lookup).isPresent())) {
                throw duplicate();
            }
            throw e;
        }
        return registered.orElseThrow(LearnersImpl::duplicate);
    }

    /** Records what is wrong with a reference photo, if anything, and answers its media type. */
    private static Optional<String> photo(Checks checks, byte[] photo) {
        Optional<Violation> problem = FaceImages.check("facePhoto", photo);
        checks.add(problem);
        return problem.isPresent() ? Optional.empty() : FaceImages.mediaType(photo);
    }

    private static ConflictException duplicate() {
        return new ConflictException("A learner with this ID number is registered already. Log in with it, or ask "
                + "your training institution or the platform operator to reset the password.");
    }

    private Optional<IdNumber> idNumber(Checks checks, String raw) {
        Optional<Violation> violation = IdNumber.check("idNumber", raw, LocalDate.ofInstant(clock.instant(), CHINA));
        checks.add(violation);
        return violation.isPresent() ? Optional.empty()
                : Optional.of(IdNumber.parse("idNumber", raw, LocalDate.ofInstant(clock.instant(), CHINA)));
    }

    private static Employer employer(Checks checks, Employer employer) {
        if (!checks.required("employer", employer)) {
            return null;
        }
        checks.freeText("employer.name", employer.name(), 100, true);
        checks.add(CreditCode.check("employer.creditCode", employer.creditCode()));
        return new Employer(employer.name() == null ? null : employer.name().strip(),
                employer.creditCode() == null ? null : employer.creditCode().toUpperCase(Locale.ROOT));
    }

    private City city(Checks checks, String code, String county) {
        if (!checks.required("city", code)) {
            return null;
        }
        Optional<City> city = cities.installed().stream().filter(c -> c.code().equals(code)).findFirst();
        if (city.isEmpty()) {
            String which = cities.find(code).map(known -> "the module of " + known.module().name() + " is not "
                    + "installed at the moment, so no one can register in it; ").orElse("");
            checks.add("city", "city-module-installed", which + "must be a city whose module is installed on this "
                    + "platform (GET /api/v1/cities lists them)");
        } else if (county != null && city.get().module().counties().stream().map(County::code)
                .noneMatch(county::equals)) {
            checks.add("county", "county-of-city", "must be a county-level division of " + city.get().module().name()
                    + " (GET /api/v1/cities/" + code + " lists them)");
        }
        return city.orElse(null);
    }

    private static void category(Checks checks, LearnerRegistration registration) {
        if (!checks.required("category", registration.category())) {
            return;
        }
        boolean special = registration.category() == PersonnelCategory.SPECIAL_OPERATION;
        if (special) {
            checks.freeText("operationType", registration.operationType(), 40, true);
        } else if (registration.operationType() != null) {
            checks.add("operationType", "special-operation-only",
                    "is given only when category is SPECIAL_OPERATION");
        }
    }

    @Override
    public Learner get(Caller caller, String learnerId) {
        return read(caller, learnerId, RecordKind.LEARNER, Operation.READ, this::view, false);
    }

    @Override
    public PersonalData personalData(Caller caller, String learnerId) {
        return read(caller, learnerId, RecordKind.PERSONAL_DATA, Operation.READ, (em, account, learner) -> {
            IdNumber id = IdNumber.parse("idNumber", idNumberOf(learner), LocalDate.ofInstant(clock.instant(), CHINA));
            return new PersonalData(account.id(), profile(em, learner).name(), id.value(), id.sex(), id.birthDate());
        }, true);
    }

    @Override
    public FacePhoto facePhoto(Caller caller, String learnerId) {
        return read(caller, learnerId, RecordKind.FACE_PHOTO, Operation.READ,
                (em, account, learner) -> referencePhoto(em, account), true);
    }

    @Override
    public FacePhoto referencePhotoForCheck(Caller caller, String learnerId) {
        return read(caller, learnerId, RecordKind.FACE_CHECK, Operation.CREATE,
                (em, account, learner) -> referencePhoto(em, account), false);
    }

    private FacePhoto referencePhoto(EntityManager em, Account account) {
        FacePhotoRecord photo = em.createNamedQuery(FacePhotoRecord.REFERENCE, FacePhotoRecord.class)
                .setParameter("account", account.id()).setMaxResults(1).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("This learner has no reference photo."));
        return new FacePhoto(photo.mediaType(), keys.open(photo.sealed(), photoContext(account.id(), photo.id())));
    }

    @Override
    public Scope scope(RecordKind kind, String learnerId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            Account account = learnerAccount(em, learnerId);
            return Scope.learner(kind, account.id(), account.institutionId(), account.regionCode());
        });
    }

    @Override
    public void replaceFacePhoto(Caller caller, String learnerId, byte[] photo) {
        String city = read(caller, learnerId, RecordKind.FACE_PHOTO, Operation.UPDATE,
                (em, account, learner) -> learner.city(), false);
        Checks checks = new Checks();
        Optional<String> type = photo(checks, photo);
        checks.throwIfBroken();
        faceProblem(photo, city).ifPresent(violation -> {
            throw new InvalidInputException(List.of(violation));
        });
        jpa.tx(TransactionType.Required, em -> {
            Account account = learnerAccount(em, learnerId);
            FacePhotoRecord replacement = new FacePhotoRecord(account.id(), type.orElseThrow(), clock.instant());
            replacement.sealed(keys.seal(photo, photoContext(account.id(), replacement.id())));
            em.persist(replacement);
        });
        audit.record(caller, "face-photo.replaced", "learner:" + learnerId, city, "success", null);
    }

    /** What may be made of a learner once access is granted. */
    private interface View<T> {
        T of(EntityManager em, Account account, LearnerRecord learner);
    }

    /** Reads one learner for the caller if the policy lets them act on it so; a success is audited if asked. */
    private <T> T read(Caller caller, String learnerId, RecordKind kind, Operation operation, View<T> view,
            boolean auditSuccess) {
        policy.require(caller, operation, scope(kind, learnerId));
        return jpa.txExpr(TransactionType.Required, em -> {
            Account account = learnerAccount(em, learnerId);
            T value = view.of(em, account, em.find(LearnerRecord.class, account.id()));
            if (auditSuccess) {
                audit.record(caller, kind.label() + "." + operation.label(), target(account), account.regionCode(),
                        "success", null);
            }
            return value;
        });
    }

    private static Account learnerAccount(EntityManager em, String learnerId) {
        Account account = learnerId == null ? null : em.find(Account.class, learnerId);
        if (account == null || !account.isLearner()) {
            throw new NotFoundException("There is no learner " + learnerId + ".");
        }
        return account;
    }

    @Override
    public Page<Learner> list(Caller caller, int offset, int limit) {
        return list(caller, null, offset, limit);
    }

    @Override
    public Page<Learner> findByName(Caller caller, String name, int offset, int limit) {
        Checks checks = new Checks();
        checks.required("name", name == null || name.isBlank() ? null : name);
        checks.throwIfBroken();
        Page<Learner> found = list(caller, LearnerProfile.nameLookup(keys, name), offset, limit);
        audit.record(caller, "learner.search", null, caller.regionCode(), "success",
                "by name: " + found.total() + " found");
        return found;
    }

    /** The learners the caller may see, all or those of one name's look-up hash. */
    private Page<Learner> list(Caller caller, String nameLookup, int offset, int limit) {
        Reach.Condition reach = policy.reach(caller, Operation.READ, RecordKind.LEARNER).condition(Map.of(
                Relation.SELF, "a.id", Relation.OWN_INSTITUTION, "a.institutionId",
                Relation.IN_REGION, "a.regionCode"));
        int first = Math.max(0, offset);
        int max = Math.max(1, Math.min(limit, MAX_PAGE));
        return jpa.txExpr(TransactionType.Required, em -> {
            String from = " FROM Account a, LearnerRecord l WHERE l.accountId = a.id AND " + reach.jpql()
                    + (nameLookup == null ? "" : " AND l.nameLookup = :name");
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(a)" + from, Long.class);
            TypedQuery<Object[]> rows = em.createQuery("SELECT a, l" + from + " ORDER BY l.registeredAt, a.id",
                    Object[].class);
            reach.bind(count);
            reach.bind(rows);
            if (nameLookup != null) {
                count.setParameter("name", nameLookup);
                rows.setParameter("name", nameLookup);
            }
            List<Learner> items = rows.setFirstResult(first).setMaxResults(max).getResultList().stream()
                    .map(row -> view(em, (Account) row[0], (LearnerRecord) row[1])).toList();
            return new Page<>(items, count.getSingleResult(), first, max);
        });
    }

    @Override
    public OneTimePassword resetPassword(Caller caller, String learnerId) {
        policy.require(caller, Operation.UPDATE, scope(RecordKind.PASSWORD, learnerId));
        String password = passwords.generate();
        String hash = passwords.hash(password);
        return jpa.txExpr(TransactionType.Required, em -> {
            Account account = learnerAccount(em, learnerId);
            Instant now = clock.instant();
            int ended = AccountStore.reset(em, account, hash, now.plus(Duration.ofHours(config.oneTimePasswordHours())),
                    now);
            audit.record(caller, "password.reset", target(account), account.regionCode(), "success",
                    ended + " sessions ended");
            return new OneTimePassword(account.id(), password);
        });
    }

    @Override
    public Learner releaseIdNumber(Caller caller, String learnerId, String reason) {
        policy.require(caller, Operation.UPDATE, scope(RecordKind.LEARNER, learnerId));
        Checks checks = new Checks();
        checks.freeText("reason", reason, 300, true);
        checks.throwIfBroken();
        return jpa.txExpr(TransactionType.Required, em -> {
            Account account = learnerAccount(em, learnerId);
            if (account.idNumberReleased()) {
                throw new ConflictException("The ID number of learner " + learnerId + " was given back already, on "
                        + account.disabledAt() + ".");
            }
            Instant now = clock.instant();
            account.releaseIdNumber();
            account.disable(reason.strip(), now);
            int ended = AccountStore.endSessions(em, account.id(), "disabled", now, null);
            audit.record(caller, "learner.id-number-released", target(account), account.regionCode(), "success",
                    ended + " sessions ended: " + reason.strip());
            return view(em, account, em.find(LearnerRecord.class, account.id()));
        });
    }

    @Override
    public List<Learner> registeredBefore(Instant before, String afterId, int limit) {
        return jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(LearnerRecord.PAST, Object[].class)
                .setParameter("before", before.toEpochMilli()).setParameter("after", afterId == null ? "" : afterId)
                .setMaxResults(limit).getResultStream().map(row -> view(em, (Account) row[0], (LearnerRecord) row[1]))
                .toList());
    }

    @Override
    public Learner anonymise(String learnerId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            Account account = learnerAccount(em, learnerId);
            LearnerRecord learner = em.find(LearnerRecord.class, account.id());
            if (learner.anonymisedAt() == null) {
                Instant now = clock.instant();
                learner.anonymise(now);
                int photos = em.createNamedQuery(FacePhotoRecord.DELETE_OF).setParameter("account", account.id())
                        .executeUpdate();
                if (!account.idNumberReleased()) {
                    account.releaseIdNumber();
                }
                if (account.disabledAt() == null) {
                    account.disable("archive retention ended", now);
                }
                int ended = AccountStore.endSessions(em, account.id(), "anonymised", now, null);
                audit.record(Caller.system(), "learner.anonymised", target(account), account.regionCode(),
                        "success", photos + " face photos deleted, " + ended + " sessions ended");
            }
            return view(em, account, learner);
        });
    }

    @Override
    public IdNumberLookup lookUp(String idNumber) {
        String hash = keys.lookupHash(idNumber);
        return new IdNumberLookup(hash, jpa.txExpr(TransactionType.Required, em -> AccountStore.byIdLookup(em,
                hash).isPresent()));
    }

    private Learner view(EntityManager em, Account account, LearnerRecord learner) {
        Instant anonymisedAt = learner.anonymisedAt();
        LearnerProfile profile = anonymisedAt == null ? profile(em, learner)
            : new LearnerProfile(Learner.ANONYMISED, null, null);
        return new Learner(account.id(), profile.name(), anonymisedAt == null ? IdNumber.mask(idNumberOf(learner))
            : null, learner.sex(), profile.employer(), learner.city(), learner.county(), learner.category(),
                learner.operationType(), profile.jobTitle(), account.institutionId(), learner.verifiedBy(),
                learner.verificationLevel(), learner.registeredAt(), account.lockedUntil(), account.disabledAt(),
                account.disabledReason(), anonymisedAt);
    }

    private LearnerProfile profile(EntityManager em, LearnerRecord learner) {
        if (learner.profileUnsealed()) {
            UnsealedProfiles.seal(em, keys, learner);
        }
        return learner.profile(keys);
    }

    private String idNumberOf(LearnerRecord learner) {
        if (learner.anonymisedAt() != null) {
            throw new NotFoundException("Learner " + learner.accountId() + " was anonymised on "
                    + learner.anonymisedAt() + ", when their archive outlived its retention: no ID number is kept.");
        }
        return new String(keys.open(learner.idNumberSealed(), idContext(learner.accountId())), StandardCharsets.US_ASCII);
    }

    private static String idContext(String accountId) {
        return "id-number:" + accountId;
    }

    /** A sealed photo opens only as the photo of its learner: moved to another learner's row, it fails. */
    private static String photoContext(String accountId, String photoId) {
        return "face-photo:" + accountId + ":" + photoId;
    }

    private static String target(Account account) {
        return "learner:" + account.id();
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.US_ASCII);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
