package cn.anxun.identity.internal;

import java.time.Instant;
import java.util.UUID;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

/**
 * One login: the access tokens issued in it name it, and it holds the hash of its current refresh token. Ending it
 * revokes both at once.
 */
@Entity
@Table(name = "LOGIN_SESSION")
@NamedQuery(name = LoginSession.OPEN_OF_ACCOUNT,
        query = "SELECT s FROM LoginSession s WHERE s.accountId = :account AND s.endedAt IS NULL")
@NamedQuery(name = LoginSession.OPEN_OF_PROVIDER_SESSION,
        query = "SELECT s FROM LoginSession s WHERE s.signOnSid = :sid AND s.endedAt IS NULL")
class LoginSession {

    static final String OPEN_OF_ACCOUNT = "LoginSession.openOfAccount";
    static final String OPEN_OF_PROVIDER_SESSION = "LoginSession.openOfProviderSession";

    @Id
    @Column(length = 36)
    private String id;

    @Column(length = 36, nullable = false)
    private String accountId;

    /** SHA-256 of the secret half of the current refresh token, hex. */
    @Column(length = 64, nullable = false)
    private String refreshHash;

    /** The same of the refresh token spent last: presented again, it gives a copy away. */
    @Column(length = 64)
    private String previousRefreshHash;

    private long createdAt;
    private long refreshExpiresAt;
    private Long endedAt;

    @Column(length = 30)
    private String endReason;

    /** A login signed on through an identity provider: the plugin, its session sealed, the provider's session id
     * as a keyed hash. */
    @Column(name = "SIGNON_PROVIDER", length = 30)
    private String signOnProvider;
    @Column(name = "SIGNON_SESSION")
    private byte[] signOnSession;
    @Column(name = "SIGNON_SID", length = 64)
    private String signOnSid;

    protected LoginSession() {
    }

    LoginSession(String accountId, String refreshHash, Instant now, Instant refreshExpiresAt) {
        this.id = UUID.randomUUID().toString();
        this.accountId = accountId;
        this.refreshHash = refreshHash;
        this.createdAt = now.toEpochMilli();
        this.refreshExpiresAt = refreshExpiresAt.toEpochMilli();
    }

    String id() {
        return id;
    }

    String accountId() {
        return accountId;
    }

    String refreshHash() {
        return refreshHash;
    }

    String previousRefreshHash() {
        return previousRefreshHash;
    }

    /** The current refresh token is spent and {@code hash} is the next one's. */
    void refreshed(String hash) {
        previousRefreshHash = refreshHash;
        refreshHash = hash;
    }

    /** The login was signed on through the identity provider {@code provider}. */
    void signedOn(String provider, byte[] session, String sid) {
        signOnProvider = provider;
        signOnSession = session;
        signOnSid = sid;
    }

    /** The plugin that signed this login on, or null for a password's login. */
    String signOnProvider() {
        return signOnProvider;
    }

    byte[] signOnSession() {
        return signOnSession;
    }

    Instant refreshExpiresAt() {
        return Instant.ofEpochMilli(refreshExpiresAt);
    }

    boolean ended() {
        return endedAt != null;
    }

    void end(String reason, Instant now) {
        if (endedAt == null) {
            endedAt = now.toEpochMilli();
            endReason = reason;
        }
    }
}
