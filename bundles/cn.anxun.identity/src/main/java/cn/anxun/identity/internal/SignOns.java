package cn.anxun.identity.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import cn.anxun.api.identity.SignOnException;
import cn.anxun.api.identity.SignOnStart;
import cn.anxun.api.identity.SignedOnStaff;
import cn.anxun.api.identity.SignedOut;
import cn.anxun.api.identity.StaffSignOn;
import cn.anxun.identity.AuditLog;
import cn.anxun.identity.AuthenticationRequiredException;
import cn.anxun.identity.Caller;
import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.NotFoundException;
import cn.anxun.identity.Role;
import cn.anxun.identity.ServiceUnavailableException;
import cn.anxun.identity.SignOnOffer;
import cn.anxun.identity.SignOnRedirect;
import cn.anxun.identity.SignOnRefusedException;
import cn.anxun.identity.StaffGrant;
import cn.anxun.identity.Tokens;
import cn.anxun.identity.Violation;
import cn.anxun.platform.persistence.DatabaseFailure;

/**
 * Staff sign-on through the configured {@link StaffSignOn} plugin. The platform keeps every step's state in the
 * database (a sign-on under way, the provider's session of each login, sealed), so that any node can take the next
 * step. The provider's word is checked like an administrator's grant; an account is linked to the provider's person
 * by a keyed hash, never to an existing account by its name.
 */
final class SignOns {

    /** How long the browser may take at the provider. */
    static final Duration WAIT = Duration.ofMinutes(10);
    private static final String KEPT = "signon-request";
    private static final String SESSION = "signon-session";

    /** Opens a login session of the account and gives it to {@code setup} before the tokens are made. */
    interface Opener {
        Tokens open(EntityManager em, Account account, Instant now, Consumer<LoginSession> setup);
    }

    /** What a refresh must do to a signed-on login: nothing, apply a renewed word, or end it. */
    record Renewal(SignedOnStaff staff, SignOnException refusal) {

        static final Renewal NONE = new Renewal(null, null);
    }

    private final JpaTemplate jpa;
    private final Keys keys;
    private final AuditLog audit;
    private final Clock clock;
    private final Opener opener;
    private final PluginChoice<StaffSignOn> providers = new PluginChoice<>("staff sign-on", StaffSignOn::id);

    SignOns(JpaTemplate jpa, Keys keys, AuditLog audit, Clock clock, Opener opener) {
        this.jpa = jpa;
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
        this.opener = opener;
    }

    void add(StaffSignOn provider) {
        providers.add(provider);
    }

    void remove(StaffSignOn provider) {
        providers.remove(provider);
    }

    SignOnOffer offer(IdentityConfig config) {
        Optional<StaffSignOn> provider = providers.installed(config.staffSignOn());
        return new SignOnOffer(provider.map(StaffSignOn::id).orElse(null), provider.map(StaffSignOn::label)
                .orElse(null), config.staffSignOnRequired());
    }

    /** Refuses a password login of staff where sign-on is required, but for the break-glass accounts. */
    void requirePasswordAllowed(IdentityConfig config, String username) {
        if (config.staffSignOnRequired() && Arrays.stream(config.breakGlassUsernames())
                .flatMap(names -> Arrays.stream(names.split(","))).noneMatch(name -> name.strip().equals(username))) {
            throw new SignOnRefusedException("sign-on-required", "Staff of this platform sign on through the "
                    + "identity provider (GET /api/v1/auth/signon/start); only break-glass accounts use a password.");
        }
    }

    SignOnRedirect begin(IdentityConfig config) {
        StaffSignOn provider = configured(config);
        String state = SessionsImpl.secret();
        String binding = SessionsImpl.secret();
        SignOnStart start;
        try {
            start = provider.begin(state);
        } catch (SignOnException e) {
            throw unavailable(e);
        }
        byte[] kept = keys.seal(start.kept().getBytes(StandardCharsets.UTF_8), KEPT);
        Instant now = clock.instant();
        jpa.tx(TransactionType.Required, em -> em.persist(new SignOnRequest(SessionsImpl.sha256(state),
                SessionsImpl.sha256(binding), provider.id(), kept, now.plus(WAIT))));
        return new SignOnRedirect(start.provider(), binding);
    }

    Tokens complete(Caller caller, Map<String, String> parameters, String binding) {
        String state = parameters.get("state");
        SignOnRequest request = state == null ? null : jpa.txExpr(TransactionType.Required, em -> {
            // used once: the row goes whatever the outcome
            SignOnRequest found = em.find(SignOnRequest.class, SessionsImpl.sha256(state),
                    LockModeType.PESSIMISTIC_WRITE);
            if (found != null) {
                em.remove(found);
            }
            return found;
        });
        Caller anonymous = who(null, "sign-on", caller);
        if (request == null || request.expired(clock.instant())) {
            throw refused(anonymous, "unknown-state", "The sign-on is unknown, used or older than "
                    + WAIT.toMinutes() + " minutes; begin again.");
        }
        if (binding == null || !SessionsImpl.same(SessionsImpl.sha256(binding), request.bindingHash())) {
            throw refused(anonymous, "other-browser", "The sign-on was begun in another browser; begin again.");
        }
        StaffSignOn provider = providers.chosen(request.provider());
        SignedOnStaff staff;
        try {
            staff = provider.complete(parameters, new String(keys.open(request.kept(), KEPT),
                    StandardCharsets.UTF_8));
        } catch (SignOnException e) {
            if (e.unavailable()) {
                throw unavailable(e);
            }
            throw refused(anonymous, e.reason(), e.getMessage());
        }
        StaffGrant grant = grant(anonymous, staff);
        String username = staff.username() == null ? "" : staff.username().strip().toLowerCase(Locale.ROOT);
        String subject = keys.lookupHash("signon:" + provider.id() + ":" + staff.subject());
        // a refusal is answered after the transaction that audited it committed; a parallel first sign-on of the
        // same person that created the account too tries again, and finds it
        Supplier<SessionsImpl.Outcome> signOn = () -> jpa.txExpr(TransactionType.Required, em -> {
            Instant now = clock.instant();
            Account account = em.createNamedQuery(Account.BY_SIGNON, Account.class).setParameter("subject", subject)
                    .getResultStream().findFirst().orElse(null);
            if (account == null) {
                if (!Checks.isUsername(username)) {
                    return SessionsImpl.Outcome.refused(refused(anonymous, "username-invalid", "The provider's user "
                            + "name is no user name of this platform (3 to 32 lower-case letters, digits, '.', '-' "
                            + "or '_')."));
                }
                if (AccountStore.byUsername(em, username).isPresent()) {
                    // never taken over by name: the platform's own account of that name stays its own
                    return SessionsImpl.Outcome.refused(refused(anonymous, "username-taken", "The user name '"
                            + username + "' belongs to an account of this platform that does not sign on; an "
                            + "administrator must resolve it."));
                }
                account = Account.signedOn(username, displayName(staff, username), subject, now);
                account.grant(grant.roles(), grant.regionCode(), grant.institutionId());
                em.persist(account);
                audit.record(AccountStore.caller(account, null, caller.requestId()), "staff.created", "staff:"
                        + account.id(), account.regionCode(), "success", "signed on through " + provider.id()
                        + ", roles " + account.roles());
            } else if (account.disabled()) {
                return SessionsImpl.Outcome.refused(refused(AccountStore.caller(account, null, caller.requestId()),
                        "account-disabled", "This account is disabled on this platform; ask the platform "
                        + "administrator."));
            } else {
                follow(account, staff, grant, provider.id(), AccountStore.caller(account, null, caller.requestId()));
            }
            Account signedOn = account;
            Tokens tokens = opener.open(em, account, now, session -> session.signedOn(provider.id(),
                    keys.seal(staff.session().getBytes(StandardCharsets.UTF_8), SESSION), sid(provider, staff)));
            audit.record(AccountStore.caller(signedOn, null, caller.requestId()), "login.succeeded", "account:"
                    + signedOn.id(), signedOn.regionCode(), "success", "signed on through " + provider.id());
            return new SessionsImpl.Outcome(tokens, null);
        });
        return DatabaseFailure.onConflict(signOn, signOn).tokensOrThrow();
    }

    /** The provider's current word on a signed-on login, asked before its refresh; NONE for a password's login. */
    Renewal renewal(String sessionId, String refreshHash) {
        LoginSession session = jpa.txExpr(TransactionType.Required, em -> em.find(LoginSession.class, sessionId));
        if (session == null || session.signOnProvider() == null || session.ended()
                || !SessionsImpl.same(refreshHash, session.refreshHash())) {
            return Renewal.NONE; // the refresh refuses it by itself, without asking the provider
        }
        StaffSignOn provider = providers.chosen(session.signOnProvider());
        try {
            Optional<SignedOnStaff> renewed = provider.renew(new String(keys.open(session.signOnSession(), SESSION),
                    StandardCharsets.UTF_8));
            return renewed.map(staff -> new Renewal(staff, null)).orElseGet(() -> new Renewal(null,
                    new SignOnException("signed-out", "The identity provider no longer vouches for this login.")));
        } catch (SignOnException e) {
            if (e.unavailable()) {
                throw unavailable(e);
            }
            return new Renewal(null, e);
        }
    }

    /**
     * Applies a renewal inside the refresh's transaction.
     *
     * @return the refusal to answer once the ended session is committed, or null to go on refreshing
     */
    RuntimeException apply(EntityManager em, Renewal renewal, LoginSession session, Account account, Caller who) {
        if (renewal == Renewal.NONE) {
            return null;
        }
        Instant now = clock.instant();
        String target = "session:" + session.id();
        SignOnRefusedException invalid = null;
        if (renewal.refusal() == null) {
            try {
                StaffGrant grant = grant(who, renewal.staff());
                follow(account, renewal.staff(), grant, session.signOnProvider(), who);
                session.signedOn(session.signOnProvider(), keys.seal(renewal.staff().session()
                        .getBytes(StandardCharsets.UTF_8), SESSION), sid(providers.chosen(session.signOnProvider()),
                        renewal.staff()));
                return null;
            } catch (SignOnRefusedException e) {
                invalid = e;
            }
        }
        String why = invalid != null ? invalid.getMessage() : renewal.refusal().getMessage();
        session.end("signed-out", now);
        audit.record(who, "session.ended", target, account.regionCode(), "denied", "at refresh: " + why);
        return new AuthenticationRequiredException("signed-out", "The identity provider no longer vouches for this "
                + "login: " + why + " Sign on again.");
    }

    /** Ends the logins the provider's back-channel message names. */
    int signedOut(Caller caller, IdentityConfig config, Map<String, String> form) {
        StaffSignOn provider = configured(config);
        Caller who = who(null, "provider:" + provider.id(), caller);
        SignedOut out;
        try {
            out = provider.signedOut(form);
        } catch (SignOnException e) {
            audit.record(who, "signon.sign-out-refused", null, null, "denied", e.reason() + ": " + e.getMessage());
            throw new InvalidInputException("logout_token", e.reason(), e.getMessage());
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            Instant now = clock.instant();
            int ended = 0;
            if (out.providerSession() != null) {
                for (LoginSession session : em.createNamedQuery(LoginSession.OPEN_OF_PROVIDER_SESSION,
                        LoginSession.class).setParameter("sid", keys.lookupHash("signon-sid:" + provider.id() + ":"
                                + out.providerSession())).getResultList()) {
                    session.end("signed-out", now);
                    ended++;
                }
            } else {
                Optional<Account> account = em.createNamedQuery(Account.BY_SIGNON, Account.class).setParameter(
                        "subject", keys.lookupHash("signon:" + provider.id() + ":" + out.subject()))
                        .getResultStream().findFirst();
                if (account.isPresent()) {
                    ended = AccountStore.endSessions(em, account.get().id(), "signed-out", now, null);
                }
            }
            audit.record(who, "signon.signed-out", null, null, "success", ended + " sessions ended");
            return ended;
        });
    }

    /** The provider's page that ends its own session, for a login signed on through it. */
    Optional<URI> providerLogout(Caller caller) {
        LoginSession session = jpa.txExpr(TransactionType.Required, em -> em.find(LoginSession.class,
                caller.sessionId()));
        if (session == null || session.signOnProvider() == null) {
            return Optional.empty();
        }
        return providers.installed(session.signOnProvider()).flatMap(provider -> provider.endSession(
                new String(keys.open(session.signOnSession(), SESSION), StandardCharsets.UTF_8)));
    }

    /** The plugin staff sign on through; 404 where they do not, 503 while it is configured but not installed. */
    private StaffSignOn configured(IdentityConfig config) {
        if (config.staffSignOn().isEmpty()) {
            throw new NotFoundException("This platform signs no staff on through an identity provider.");
        }
        return providers.chosen(config.staffSignOn());
    }

    /** The provider's roles and bindings, checked like an administrator's grant. */
    private StaffGrant grant(Caller who, SignedOnStaff staff) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : staff.roles()) {
            try {
                roles.add(Role.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw refused(who, "unknown-role", "The sign-on plugin mapped a role this platform does not have: "
                        + name + ".");
            }
        }
        if (roles.isEmpty()) {
            throw refused(who, "no-role", "The identity provider gives this person no role on this platform.");
        }
        if (roles.contains(Role.FEED_READER)) {
            throw refused(who, "client-role", "FEED_READER is a program's role; no person signs on with it.");
        }
        StaffGrant grant = new StaffGrant(roles, staff.regionCode(), staff.institutionId());
        Checks checks = new Checks();
        checks.grant(grant);
        try {
            checks.throwIfBroken();
        } catch (InvalidInputException e) {
            throw refused(who, "invalid-grant", "The identity provider's roles and bindings do not hold: "
                    + e.violations().stream().map(Violation::toString).collect(Collectors.joining("; ")) + ".");
        }
        return grant;
    }

    /** Brings the account in line with what the provider now says, audited when it changes. */
    private void follow(Account account, SignedOnStaff staff, StaffGrant grant, String provider, Caller caller) {
        account.displayName(displayName(staff, account.username()));
        Set<Role> before = account.roles();
        if (!before.equals(grant.roles()) || !Objects.equals(account.regionCode(), grant.regionCode())
                || !Objects.equals(account.institutionId(), grant.institutionId())) {
            account.grant(grant.roles(), grant.regionCode(), grant.institutionId());
            audit.record(caller, "staff.roles-changed", "staff:" + account.id(), account.regionCode(), "success",
                    "by " + provider + ": " + before + " -> " + account.roles());
        }
    }

    private static String displayName(SignedOnStaff staff, String username) {
        String name = staff.displayName() == null || staff.displayName().isBlank() ? username
                : staff.displayName().strip();
        return name.length() > 80 ? name.substring(0, 80) : name;
    }

    private String sid(StaffSignOn provider, SignedOnStaff staff) {
        return staff.providerSession() == null ? null
                : keys.lookupHash("signon-sid:" + provider.id() + ":" + staff.providerSession());
    }

    private static Caller who(Account account, String name, Caller caller) {
        return account != null ? AccountStore.caller(account, null, caller.requestId())
                : new Caller(null, name, Set.of(), null, null, null, caller.requestId());
    }

    private SignOnRefusedException refused(Caller who, String reason, String message) {
        audit.record(who, "signon.refused", who.accountId() == null ? null : "account:" + who.accountId(),
                who.regionCode(), "denied", reason + ": " + message);
        return new SignOnRefusedException(reason, message);
    }

    private static ServiceUnavailableException unavailable(SignOnException e) {
        return new ServiceUnavailableException("The identity provider cannot be asked at the moment: "
                + e.getMessage() + " Try again later.");
    }
}
