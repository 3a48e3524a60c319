package cn.anxun.identity.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

import cn.anxun.api.identity.StaffAuthenticator;
import cn.anxun.api.identity.StaffSignOn;
import cn.anxun.identity.AuditLog;
import cn.anxun.identity.AuthenticationRequiredException;
import cn.anxun.identity.Caller;
import cn.anxun.identity.IdNumber;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.LoginRefusedException;
import cn.anxun.identity.LoginRefusedException.Reason;
import cn.anxun.identity.RequestLimit;
import cn.anxun.identity.RequestLimits;
import cn.anxun.identity.Sessions;
import cn.anxun.identity.SignOnOffer;
import cn.anxun.identity.SignOnRedirect;
import cn.anxun.identity.Tokens;
import cn.anxun.platform.jobs.Scheduler;
import cn.anxun.platform.persistence.DatabaseFailure;

/**
 * Logins and their sessions. Failed attempts, throttling and locks are stored with the account and audited; a
 * login that fails still commits what it recorded before it is refused.
 */
@Component(service = Sessions.class, configurationPid = IdentityConfig.PID)
@Designate(ocd = IdentityConfig.class)
public class SessionsImpl implements Sessions {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** What a login attempt ended in: tokens, or the refusal to throw once its traces are committed. */
    record Outcome(Tokens tokens, RuntimeException refusal) {

        static Outcome refused(RuntimeException refusal) {
            return new Outcome(null, refusal);
        }

        Tokens tokensOrThrow() {
            if (refusal != null) {
                throw refusal;
            }
            return tokens;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JpaTemplate jpa;
    private final Keys keys;
    private final AuditLog audit;
    private final AccessTokens accessTokens;
    private final PluginChoice<StaffAuthenticator> authenticators =
            new PluginChoice<>("staff authenticator", StaffAuthenticator::id);
    private final SignOns signOns;
    private final RequestLimits limits;
    private final Clock clock;
    private final AutoCloseable purge;

    private volatile IdentityConfig config;
    private volatile Passwords passwords;
    private volatile LoginThrottle throttle;
    private volatile RequestLimit signOnLimit;

    @Activate
    public SessionsImpl(@Reference(target = "(osgi.unit.name=anxun-identity)") JpaTemplate jpa,
            @Reference Clock clock, @Reference Keys keys,
            @Reference AuditLog audit, @Reference Scheduler scheduler, @Reference RequestLimits limits,
            IdentityConfig config) {
        this.clock = clock;
        this.jpa = jpa;
        this.keys = keys;
        this.audit = audit;
        this.accessTokens = new AccessTokens(keys.tokenKeys());
        this.limits = limits;
        this.signOns = new SignOns(jpa, keys, audit, clock, this::open);
        modified(config);
        // every name tried from every address leaves a row: rows untouched for a day and not locked are forgotten;
        // so does every sign-on begun, once it can no longer complete
        purge = scheduler.every("stale login throttles deleted", Duration.ZERO, Duration.ofHours(1),
                Duration.ofMinutes(10), () -> jpa.tx(TransactionType.Required, em -> {
                    Instant now = clock.instant();
                    em.createNamedQuery(LoginThrottleRecord.STALE).setParameter("before", now.minus(Duration
                            .ofDays(1)).toEpochMilli()).setParameter("now", now.toEpochMilli()).executeUpdate();
                    em.createNamedQuery(SignOnRequest.EXPIRED).setParameter("now", now.toEpochMilli())
                            .executeUpdate();
                }));
    }

    @Deactivate
    void deactivate() throws Exception {
        purge.close();
    }

    @Modified
    void modified(IdentityConfig newConfig) {
        config = newConfig;
        passwords = new Passwords(newConfig.passwordHashCost());
        throttle = LoginThrottle.of(newConfig);
        signOnLimit = new RequestLimit("staff sign-on", newConfig.signOnsPerAddress(), SignOns.WAIT, null);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addAuthenticator(StaffAuthenticator authenticator) {
        authenticators.add(authenticator);
    }

    void removeAuthenticator(StaffAuthenticator authenticator) {
        authenticators.remove(authenticator);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSignOn(StaffSignOn provider) {
        signOns.add(provider);
    }

    void removeSignOn(StaffSignOn provider) {
        signOns.remove(provider);
    }

    @Override
    public Tokens loginLearner(Caller caller, String idNumber, String password) {
        requireCredentials("idNumber", idNumber, "password", password);
        IdNumber id = IdNumber.parse("idNumber", idNumber, LocalDate.ofInstant(clock.instant(), CHINA));
        String lookup = keys.lookupHash(id.value());
        return login(caller, id.masked(), "id:" + lookup, em -> AccountStore.byIdLookup(em, lookup),
                account -> passwords.matches(password, account.passwordHash()));
    }

    @Override
    public Tokens loginStaff(Caller caller, String username, String secret) {
        requireCredentials("username", username, "password", secret);
        String name = username.strip().toLowerCase(Locale.ROOT);
        signOns.requirePasswordAllowed(config, name);
        StaffAuthenticator authenticator = authenticators.chosen(config.staffAuthenticator());
        return loginByName(caller, name, account -> !account.isClient() && authenticator.authenticate(name, secret)
                .filter(account.username()::equals).isPresent());
    }

    @Override
    public Tokens loginClient(Caller caller, String clientId, String secret) {
        requireCredentials("client_id", clientId, "client_secret", secret);
        Tokens tokens = loginByName(caller, clientId.strip().toLowerCase(Locale.ROOT),
                account -> account.isClient() && passwords.matches(secret, account.passwordHash()));
        return new Tokens(tokens.accessToken(), tokens.tokenType(), tokens.expiresIn(), null, 0);
    }

    private Tokens loginByName(Caller caller, String name, Predicate<Account> credentialsMatch) {
        // what was typed goes to the audit log only if it can be a user name: an ID number typed here must not
        String attempted = Checks.isUsername(name) ? name : "(not a user name)";
        return login(caller, attempted, "name:" + keys.lookupHash("login-name:" + name),
                em -> AccountStore.byUsername(em, name), credentialsMatch);
    }

    private static void requireCredentials(String nameField, String name, String secretField, String secret) {
        Checks checks = new Checks();
        checks.required(nameField, name);
        checks.required(secretField, secret);
        checks.throwIfBroken();
    }

    /**
     * Three steps, so that neither bcrypt nor a staff authenticator (which may ask a remote service) runs inside a
     * transaction or under a lock: the attempt is counted as a failure under the lock of its throttle row, the
     * credentials are checked with no connection held, and the outcome is recorded under the lock again. Parallel
     * guesses are still counted one by one, each seeing the failures before it. A name no account has is counted,
     * slowed down and locked the same way, so that the answers do not tell which accounts exist.
     */
    private Tokens login(Caller caller, String attempted, String unknownSubject,
            Function<EntityManager, Optional<Account>> find, Predicate<Account> credentialsMatch) {
        Supplier<Attempt> begin = () -> jpa.txExpr(TransactionType.Required,
                em -> begin(em, find, attempted, unknownSubject, caller, "login.refused"));
        // the first attempt from an address makes its throttle row; a parallel one that made it too tries again
        Attempt attempt = DatabaseFailure.onConflict(begin, begin);
        if (attempt.refusal() != null) {
            throw attempt.refusal();
        }
        boolean matches;
        if (attempt.account() == null) {
            passwords.matches("", null); // the same time as for an account, so that the answer does not tell
            matches = false;
        } else {
            matches = credentialsMatch.test(attempt.account());
        }
        return jpa.txExpr(TransactionType.Required, em -> finish(em, attempt, matches, caller, attempted))
                .tokensOrThrow();
    }

    /**
     * A login under way: the account as read (none for an unknown name), its throttle rows (of the address and of
     * every address), the state before, the state if the credentials are wrong and when a next attempt is considered.
     */
    private record Attempt(Account account, String throttle, String everywhere, LoginThrottle.State before,
            LoginThrottle.State failed, Instant retryAt, LoginRefusedException refusal) {

        /** Clears the counts of the attempt's address and of every address, under their locks. */
        void succeeded(EntityManager em, LoginThrottleRecord row, Instant now) {
            row.state(LoginThrottle.State.CLEAR, now);
            em.find(LoginThrottleRecord.class, everywhere, LockModeType.PESSIMISTIC_WRITE)
                    .state(LoginThrottle.State.CLEAR, now);
        }
    }

    /**
     * @param unknownSubject what the attempt is counted under if no account has the name or number: its keyed hash
     */
    private Attempt begin(EntityManager em, Function<EntityManager, Optional<Account>> find, String attempted,
            String unknownSubject, Caller caller, String refusedAction) {
        Instant now = clock.instant();
        Account account = find.apply(em).orElse(null);
        String subject = account != null ? account.id() : unknownSubject;
        LoginThrottleRecord row = LoginThrottleRecord.locked(em, keys, subject, caller.clientAddress(), now);
        LoginThrottleRecord everywhere = LoginThrottleRecord.locked(em, keys, subject,
                LoginThrottleRecord.EVERY_ADDRESS, now);
        Caller who = who(account, attempted, caller);
        String target = account == null ? null : "account:" + account.id();
        String region = account == null ? null : account.regionCode();
        LoginThrottle.State state = row.state();
        if (state.lockEnded(now)) {
            audit.record(who, "account.lock-ended", target, region, "success", "locked until " + state.lockedUntil());
            state = LoginThrottle.State.CLEAR;
        }
        LoginThrottle.State fromEverywhere = everywhere.state();
        Optional<LoginRefusedException> refusal = throttle.refusal(state, now)
                .or(() -> throttle.refusal(fromEverywhere, now));
        if (refusal.isPresent()) {
            audit.record(who, refusedAction, target, region, "denied",
                    refusal.get().reason() + " until " + refusal.get().retryAt());
            return new Attempt(account, row.id(), everywhere.id(), state, null, null, refusal.get());
        }
        LoginThrottle.State failed = throttle.failed(state, now);
        row.state(failed, now);
        LoginThrottle.State failedEverywhere = throttle.failedEverywhere(fromEverywhere, now);
        everywhere.state(failedEverywhere, now);
        em.flush();
        if (account != null) {
            em.detach(account);
        }
        Instant retryAt = Stream.of(failed.nextAttemptAt(), failedEverywhere.nextAttemptAt()).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        return new Attempt(account, row.id(), everywhere.id(), state, failed, retryAt, null);
    }

    private static Caller who(Account account, String attempted, Caller caller) {
        return account != null ? AccountStore.caller(account, null, caller.requestId())
                : new Caller(null, attempted, Set.of(), null, null, null, caller.requestId());
    }

    private Outcome finish(EntityManager em, Attempt attempt, boolean matches, Caller caller, String attempted) {
        Instant now = clock.instant();
        LoginThrottleRecord row = em.find(LoginThrottleRecord.class, attempt.throttle(),
                LockModeType.PESSIMISTIC_WRITE);
        Account account = attempt.account() == null ? null : em.find(Account.class, attempt.account().id());
        Caller who = who(account, attempted, caller);
        String target = account == null ? null : "account:" + account.id();
        String region = account == null ? null : account.regionCode();
        LoginThrottle.State failed = attempt.failed();
        if (matches && account.disabled()) {
            // answered like a wrong password, so that the answer does not tell which accounts exist
            audit.record(who, "login.refused", target, region, "denied", "account disabled");
            return refused(Reason.BAD_CREDENTIALS, attempt.retryAt());
        }
        if (!matches) {
            audit.record(who, "login.failed", target, region, "failure", (account == null ? "no such account; " : "")
                    + "failure " + (attempt.before().failures() + 1) + " in a row from this address");
            if (failed.lockedUntil() != null) {
                if (account != null) {
                    account.lockedUntil(failed.lockedUntil());
                }
                audit.record(who, "account.locked", target, region, "success",
                        "locked until " + failed.lockedUntil() + " from this address");
                return new Outcome(null, throttle.refusal(failed, now).orElseThrow());
            }
            return refused(Reason.BAD_CREDENTIALS, attempt.retryAt());
        }
        attempt.succeeded(em, row, now);
        if (account.oneTimePassword() && !now.isBefore(account.passwordExpiresAt())) {
            audit.record(who, "login.refused", target, region, "denied", "one-time password expired");
            return new Outcome(null, new LoginRefusedException(Reason.PASSWORD_EXPIRED, null, "The one-time "
                    + "password expired at " + account.passwordExpiresAt() + ". Ask for a new one: learners their "
                    + "institution's administrator or the platform operator, staff the platform administrator."));
        }
        Tokens tokens = open(em, account, now, session -> { });
        audit.record(who, "login.succeeded", target, region, "success", null);
        return new Outcome(tokens, null);
    }

    private static Outcome refused(Reason reason, Instant retryAt) {
        return new Outcome(null, new LoginRefusedException(reason, retryAt,
                "The ID number or user name and password do not match an account."));
    }

    private Tokens open(EntityManager em, Account account, Instant now, Consumer<LoginSession> setup) {
        String secret = secret();
        LoginSession session = new LoginSession(account.id(), sha256(secret), now,
                now.plusSeconds(config.refreshTokenSeconds()));
        setup.accept(session);
        em.persist(session);
        return tokens(account, session, secret, now);
    }

    private Tokens tokens(Account account, LoginSession session, String secret, Instant now) {
        Instant expiresAt = now.plusSeconds(config.accessTokenSeconds());
        return new Tokens(accessTokens.issue(account.id(), session.id(), now, expiresAt), config.accessTokenSeconds(),
                session.id() + "." + secret, Duration.between(now, session.refreshExpiresAt()).toSeconds());
    }

    @Override
    public Tokens refresh(Caller caller, String refreshToken) {
        int dot = refreshToken == null ? -1 : refreshToken.indexOf('.');
        if (dot < 1) {
            throw refreshInvalid("is not a refresh token of this platform");
        }
        String sessionId = refreshToken.substring(0, dot);
        String secret = refreshToken.substring(dot + 1);
        // the identity provider of a signed-on login is asked first, with no connection held
        SignOns.Renewal renewal = signOns.renewal(sessionId, sha256(secret));
        return jpa.txExpr(TransactionType.Required, em -> {
            Instant now = clock.instant();
            // one refresh at a time per session, so that a refresh token is spent exactly once
            LoginSession session = em.find(LoginSession.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
            Account account = session == null ? null : em.find(Account.class, session.accountId());
            if (account == null || session.ended()) {
                throw refreshInvalid("belongs to no open session; log in again");
            }
            Caller who = AccountStore.caller(account, session.id(), caller.requestId());
            String presented = sha256(secret);
            if (same(presented, session.previousRefreshHash())) {
                // the refresh token spent last came back: someone holds a copy, so the whole session goes
                session.end("refresh-reuse", now);
                audit.record(who, "session.ended", "session:" + session.id(), account.regionCode(), "denied",
                        "a spent refresh token was presented");
                return Outcome.refused(refreshInvalid("was used before; the session is ended for safety, log in "
                        + "again"));
            }
            if (!same(presented, session.refreshHash())) {
                throw refreshInvalid("is not the current one of its session");
            }
            if (!now.isBefore(session.refreshExpiresAt())) {
                throw new AuthenticationRequiredException("token-expired", "The refresh token expired at "
                        + session.refreshExpiresAt() + "; log in again.");
            }
            RuntimeException signedOut = signOns.apply(em, renewal, session, account, who);
            if (signedOut != null) {
                return Outcome.refused(signedOut);
            }
            String next = secret();
            session.refreshed(sha256(next));
            return new Outcome(tokens(account, session, next, now), null);
        }).tokensOrThrow();
    }

    static boolean same(String hash, String stored) {
        return stored != null && MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII),
                stored.getBytes(StandardCharsets.US_ASCII));
    }

    private static AuthenticationRequiredException refreshInvalid(String why) {
        return new AuthenticationRequiredException("invalid-token", "The refresh token " + why + ".");
    }

    @Override
    public Optional<URI> providerLogout(Caller caller) {
        caller.requireLogin("log out");
        return signOns.providerLogout(caller);
    }

    @Override
    public SignOnOffer signOnOffer() {
        return signOns.offer(config);
    }

    @Override
    public SignOnRedirect beginSignOn(Caller caller) {
        // each sign-on begun keeps a row until it completes or expires
        limits.count(caller, signOnLimit);
        return signOns.begin(config);
    }

    @Override
    public Tokens completeSignOn(Caller caller, Map<String, String> parameters, String binding) {
        return signOns.complete(caller, parameters, binding);
    }

    @Override
    public int signedOut(Caller caller, Map<String, String> form) {
        return signOns.signedOut(caller, config, form);
    }

    @Override
    public void logout(Caller caller) {
        caller.requireLogin("log out");
        jpa.tx(TransactionType.Required, em -> {
            LoginSession session = em.find(LoginSession.class, caller.sessionId());
            session.end("logout", clock.instant());
            audit.record(caller, "logout", "session:" + session.id(), caller.regionCode(), "success", null);
        });
    }

    /**
     * The same three steps as a login: the current password is guessed no faster here than at the login, and
     * neither the check nor the new hash runs under the account's lock.
     */
    @Override
    public void changePassword(Caller caller, String currentPassword, String newPassword) {
        caller.requireLogin("change your password");
        Supplier<Attempt> begin = () -> jpa.txExpr(TransactionType.Required, em -> begin(em,
                in -> Optional.ofNullable(in.find(Account.class, caller.accountId())), caller.name(),
                caller.accountId(), caller, "password.change-refused"));
        Attempt attempt = DatabaseFailure.onConflict(begin, begin);
        if (attempt.refusal() != null) {
            throw attempt.refusal();
        }
        boolean matches = currentPassword != null
                && passwords.matches(currentPassword, attempt.account().passwordHash());
        Optional<InvalidInputException> weak = Passwords.check("newPassword", newPassword, attempt.account().username())
                .map(violation -> new InvalidInputException(List.of(violation)));
        String hash = matches && weak.isEmpty() ? passwords.hash(newPassword) : null;
        Optional<RuntimeException> refusal = jpa.txExpr(TransactionType.Required, em -> {
            LoginThrottleRecord row = em.find(LoginThrottleRecord.class, attempt.throttle(),
                    LockModeType.PESSIMISTIC_WRITE);
            Account account = em.find(Account.class, caller.accountId(), LockModeType.PESSIMISTIC_WRITE);
            String target = "account:" + account.id();
            if (!matches) {
                Instant lockedUntil = attempt.failed().lockedUntil();
                if (lockedUntil != null) {
                    account.lockedUntil(lockedUntil);
                }
                audit.record(caller, "password.change-failed", target, account.regionCode(), "failure",
                        lockedUntil == null ? "wrong current password" : "locked until " + lockedUntil);
                return Optional.of(new InvalidInputException("currentPassword", "password-match",
                        "is not the current password of this account"));
            }
            attempt.succeeded(em, row, clock.instant());
            if (hash == null) {
                return Optional.<RuntimeException>of(weak.get());
            }
            account.passwordHash(hash);
            int ended = AccountStore.endSessions(em, account.id(), "password-changed", clock.instant(),
                    caller.sessionId());
            audit.record(caller, "password.changed", target, account.regionCode(), "success",
                    ended + " other sessions ended");
            return Optional.empty();
        });
        refusal.ifPresent(e -> {
            throw e;
        });
    }

    @Override
    public Caller authenticate(String accessToken, String requestId) {
        AccessTokens.Claims claims = accessTokens.verify(accessToken, clock.instant());
        return jpa.txExpr(TransactionType.Required, em -> {
            LoginSession session = em.find(LoginSession.class, claims.sessionId());
            Account account = em.find(Account.class, claims.accountId());
            if (session == null || account == null || !session.accountId().equals(account.id())) {
                throw new AuthenticationRequiredException("invalid-token", "The access token names no session "
                        + "of this platform. Log in with POST /api/v1/auth/login.");
            }
            if (session.ended() || account.disabled()) {
                throw new AuthenticationRequiredException("token-revoked", "The session of this access token has "
                        + "ended (logout, password change or reset). Log in again.");
            }
            return AccountStore.caller(account, session.id(), requestId);
        });
    }

    static String secret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
