package cn.anxun.identity.internal;

import java.time.Instant;
import java.util.Optional;

import javax.persistence.EntityManager;

import cn.anxun.identity.Caller;
import cn.anxun.identity.Role;

/** Look-ups and changes of accounts that the identity services share. */
final class AccountStore {

    private AccountStore() {
    }

    static Optional<Account> byUsername(EntityManager em, String username) {
        return em.createNamedQuery(Account.BY_USERNAME, Account.class).setParameter("username", username)
                .getResultStream().findFirst();
    }

    static Optional<Account> byIdLookup(EntityManager em, String lookup) {
        return em.createNamedQuery(Account.BY_ID_LOOKUP, Account.class).setParameter("lookup", lookup)
                .getResultStream().findFirst();
    }

    /** How many accounts hold the platform administrator role. */
    static long administrators(EntityManager em) {
        return em.createNamedQuery(Account.COUNT_ROLE, Long.class)
                .setParameter("role", "%" + Role.PLATFORM_ADMIN.name() + "%").getSingleResult();
    }

    /** Ends every open login session of the account but {@code keep}; their tokens stop working at once. */
    static int endSessions(EntityManager em, String accountId, String reason, Instant now, String keep) {
        int ended = 0;
        for (LoginSession session : em.createNamedQuery(LoginSession.OPEN_OF_ACCOUNT, LoginSession.class)
                .setParameter("account", accountId).getResultList()) {
            if (!session.id().equals(keep)) {
                session.end(reason, now);
                ended++;
            }
        }
        return ended;
    }

    /** The caller an account is, in one request. */
    static Caller caller(Account account, String sessionId, String requestId) {
        return new Caller(account.id(), account.username() == null ? account.id() : account.username(),
                account.roles(), account.regionCode(), account.institutionId(), sessionId, requestId,
                account.oneTimePassword());
    }

    /**
     * Gives the account a generated password to hand over: its sessions end and its failed logins, from every
     * address, are forgotten.
     *
     * @return how many sessions ended
     */
    static int reset(EntityManager em, Account account, String hash, Instant expiresAt, Instant now) {
        if (account.isClient()) {
            account.passwordHash(hash);
        } else {
            account.oneTimePassword(hash, expiresAt);
        }
        em.createNamedQuery(LoginThrottleRecord.CLEAR_SUBJECT).setParameter("subject", account.id()).executeUpdate();
        return endSessions(em, account.id(), "password-reset", now, null);
    }
}
