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
class LoginSession {

    static final String OPEN_OF_ACCOUNT = "LoginSession.openOfAccount";

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
