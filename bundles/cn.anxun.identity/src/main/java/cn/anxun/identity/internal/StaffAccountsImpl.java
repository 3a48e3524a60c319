package cn.anxun.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.anxun.identity.AccessPolicy;
import cn.anxun.identity.AuditLog;
import cn.anxun.identity.Caller;
import cn.anxun.identity.ConflictException;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.NewStaffAccount;
import cn.anxun.identity.NotFoundException;
import cn.anxun.identity.OneTimePassword;
import cn.anxun.identity.Operation;
import cn.anxun.identity.RecordKind;
import cn.anxun.identity.Role;
import cn.anxun.identity.Scope;
import cn.anxun.identity.StaffAccount;
import cn.anxun.identity.StaffAccounts;
import cn.anxun.identity.StaffGrant;
import cn.anxun.platform.persistence.DatabaseFailure;

/**
 * Staff accounts, managed by platform administrators. The first administrator is created at first start, with the
 * password hash from the configuration or a one-time password written once to the log.
 */
@Component(service = StaffAccounts.class, configurationPid = IdentityConfig.PID)
public class StaffAccountsImpl implements StaffAccounts {

    private static final Logger LOG = LoggerFactory.getLogger(StaffAccountsImpl.class);

    private final JpaTemplate jpa;
    private final AuditLog audit;
    private final AccessPolicy policy;
    private final Clock clock;
    private volatile IdentityConfig config;
    private volatile Passwords passwords;

    @Activate
    public StaffAccountsImpl(@Reference(target = "(osgi.unit.name=anxun-identity)") JpaTemplate jpa,
            @Reference Clock clock,
            @Reference AuditLog audit, @Reference AccessPolicy policy, IdentityConfig config) {
        this.clock = clock;
        this.policy = policy;
        this.jpa = jpa;
        this.audit = audit;
        modified(config);
        createFirstAdministrator(config);
    }

    @Modified
    void modified(IdentityConfig newConfig) {
        config = newConfig;
        passwords = new Passwords(newConfig.passwordHashCost());
    }

    private Instant oneTimeExpiry(Instant now) {
        return now.plus(Duration.ofHours(config.oneTimePasswordHours()));
    }

    private void createFirstAdministrator(IdentityConfig config) {
        String username = config.initialAdminUsername().strip().toLowerCase(Locale.ROOT);
        String configuredHash = config.initialAdminPasswordHash().strip();
        boolean generate = configuredHash.isEmpty();
        if (!generate && !Passwords.isHash(configuredHash)) {
            LOG.error("initialAdminPasswordHash in etc/{}.cfg is not a bcrypt hash; a one-time password is used "
                    + "instead", IdentityConfig.PID);
            generate = true;
        }
        if (jpa.txExpr(TransactionType.Required, em -> AccountStore.administrators(em) > 0
                || AccountStore.byUsername(em, username).isPresent())) {
            return; // every start but the first: no password to generate and hash
        }
        String password = generate ? passwords.generate() : null;
        String hash = generate ? passwords.hash(password) : configuredHash;
        // two nodes started at once on an empty database: one creates the administrator, the other finds it
        boolean created = DatabaseFailure.onConflict(() -> jpa.txExpr(TransactionType.Required, em -> {
            if (AccountStore.administrators(em) > 0 || AccountStore.byUsername(em, username).isPresent()) {
                return false; // another node was first
            }
            Instant now = clock.instant();
            Account admin = Account.staff(username, "Platform administrator", hash, now);
            if (password != null) {
                admin.oneTimePassword(hash, oneTimeExpiry(now));
            }
            admin.grant(Set.of(Role.PLATFORM_ADMIN), null, null);
            em.persist(admin);
            audit.record(Caller.system(), "staff.created", target(admin), null, "success",
                    "first platform administrator");
            return true;
        }), () -> false);
        if (created && password != null) {
            LOG.warn("First platform administrator '{}' created with the one-time password {} - it is not shown "
                    + "again and is valid {} hours. Log in and change it with POST /api/v1/me/password.", username,
                    password, config.oneTimePasswordHours());
        } else if (created) {
            LOG.info("First platform administrator '{}' created with the configured password", username);
        }
    }

    @Override
    public OneTimePassword create(Caller caller, NewStaffAccount account) {
        policy.require(caller, Operation.CREATE, Scope.platform(RecordKind.STAFF_ACCOUNT, null));
        if (account == null) {
            throw new InvalidInputException("", "required", "a JSON body with the account is required");
        }
        Checks checks = new Checks();
        String username = account.username() == null ? null : account.username().strip().toLowerCase(Locale.ROOT);
        checks.username("username", username);
        checks.freeText("displayName", account.displayName(), 80, true);
        checks.grant(account.grant());
        checks.throwIfBroken();
        boolean client = account.grant().roles().equals(Set.of(Role.FEED_READER));
        String password = client ? passwords.secret() : passwords.generate();
        String hash = passwords.hash(password);
        return jpa.txExpr(TransactionType.Required, em -> {
            if (AccountStore.byUsername(em, username).isPresent()) {
                throw new ConflictException("The user name '" + username + "' is taken.");
            }
            Instant now = clock.instant();
            Account staff = Account.staff(username, account.displayName().strip(), hash, now);
            staff.grant(account.grant().roles(), account.grant().regionCode(), account.grant().institutionId());
            if (!client) {
                staff.oneTimePassword(hash, oneTimeExpiry(now));
            }
            em.persist(staff);
            audit.record(caller, "staff.created", target(staff), staff.regionCode(), "success",
                    "roles " + staff.roles());
            return new OneTimePassword(staff.id(), password);
        });
    }

    @Override
    public List<StaffAccount> list(Caller caller) {
        policy.require(caller, Operation.READ, Scope.platform(RecordKind.STAFF_ACCOUNT, null));
        return jpa.txExpr(TransactionType.Required, em -> em.createNamedQuery(Account.STAFF, Account.class)
                .getResultList().stream().map(StaffAccountsImpl::view).toList());
    }

    @Override
    public StaffAccount get(Caller caller, String accountId) {
        policy.require(caller, Operation.READ, Scope.staff(accountId));
        return jpa.txExpr(TransactionType.Required, em -> view(staff(em, accountId)));
    }

    @Override
    public StaffAccount grant(Caller caller, String accountId, StaffGrant grant) {
        policy.require(caller, Operation.UPDATE, Scope.staff(accountId));
        Checks checks = new Checks();
        checks.grant(grant);
        checks.throwIfBroken();
        return jpa.txExpr(TransactionType.Required, em -> {
            Account staff = staff(em, accountId);
            Set<Role> before = staff.roles();
            if (before.contains(Role.PLATFORM_ADMIN) && !grant.roles().contains(Role.PLATFORM_ADMIN)
                    && AccountStore.administrators(em) < 2) {
                throw new InvalidInputException("grant.roles", "last-admin",
                        "must keep PLATFORM_ADMIN: this is the last platform administrator");
            }
            staff.grant(grant.roles(), grant.regionCode(), grant.institutionId());
            Instant now = clock.instant();
            int ended = AccountStore.endSessions(em, staff.id(), "roles-changed", now, null);
            audit.record(caller, "staff.roles-changed", target(staff), staff.regionCode(), "success",
                    before + " -> " + staff.roles() + "; " + ended + " sessions ended");
            return view(staff);
        });
    }

    @Override
    public OneTimePassword resetPassword(Caller caller, String accountId) {
        policy.require(caller, Operation.UPDATE, Scope.staff(accountId));
        boolean client = jpa.txExpr(TransactionType.Required, em -> staff(em, accountId).isClient());
        String password = client ? passwords.secret() : passwords.generate();
        String hash = passwords.hash(password);
        return jpa.txExpr(TransactionType.Required, em -> {
            Account staff = staff(em, accountId);
            Instant now = clock.instant();
            int ended = AccountStore.reset(em, staff, hash, oneTimeExpiry(now), now);
            audit.record(caller, "password.reset", target(staff), staff.regionCode(), "success",
                    ended + " sessions ended");
            return new OneTimePassword(staff.id(), password);
        });
    }

    private static Account staff(EntityManager em, String accountId) {
        Account account = accountId == null ? null : em.find(Account.class, accountId);
        if (account == null || account.isLearner()) {
            throw new NotFoundException("There is no staff account " + accountId + ".");
        }
        return account;
    }

    @Override
    public StaffAccount disable(Caller caller, String accountId, String reason) {
        policy.require(caller, Operation.UPDATE, Scope.staff(accountId));
        Checks checks = new Checks();
        checks.freeText("reason", reason, 300, true);
        checks.throwIfBroken();
        return jpa.txExpr(TransactionType.Required, em -> {
            Account staff = staff(em, accountId);
            if (!staff.disabled() && staff.roles().contains(Role.PLATFORM_ADMIN) && AccountStore.administrators(em) < 2) {
                throw new InvalidInputException("accountId", "last-admin",
                        "is the last platform administrator able to log in; it stays enabled");
            }
            Instant now = clock.instant();
            staff.disable(reason.strip(), now);
            int ended = AccountStore.endSessions(em, staff.id(), "disabled", now, null);
            audit.record(caller, "staff.disabled", target(staff), staff.regionCode(), "success",
                    ended + " sessions ended: " + reason.strip());
            return view(staff);
        });
    }

    @Override
    public StaffAccount enable(Caller caller, String accountId) {
        policy.require(caller, Operation.UPDATE, Scope.staff(accountId));
        return jpa.txExpr(TransactionType.Required, em -> {
            Account staff = staff(em, accountId);
            staff.enable();
            audit.record(caller, "staff.enabled", target(staff), staff.regionCode(), "success", null);
            return view(staff);
        });
    }

    static StaffAccount view(Account account) {
        return new StaffAccount(account.id(), account.username(), account.displayName(), account.roles(),
                account.regionCode(), account.institutionId(), account.createdAt(), account.lockedUntil(),
                account.disabledAt(), account.disabledReason());
    }

    private static String target(Account account) {
        return "staff:" + account.id();
    }
}
