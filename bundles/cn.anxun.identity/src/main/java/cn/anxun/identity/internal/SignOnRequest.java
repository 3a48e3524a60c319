package cn.anxun.identity.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

/**
 * A staff sign-on waiting for the browser to come back from the identity provider, in {@code SIGNON_REQUEST}: found
 * by the hash of its {@code state}, bound to the browser that began it by the hash of a cookie's secret, used once.
 * In the database, so that any node may receive the browser back.
 */
@Entity
@Table(name = "SIGNON_REQUEST")
@NamedQuery(name = SignOnRequest.EXPIRED, query = "DELETE FROM SignOnRequest r WHERE r.expiresAt < :now")
class SignOnRequest {

    static final String EXPIRED = "SignOnRequest.expired";

    @Id
    @Column(name = "STATE_HASH", length = 64)
    private String stateHash;

    @Column(name = "BINDING_HASH", length = 64, nullable = false)
    private String bindingHash;

    @Column(name = "PROVIDER", length = 30, nullable = false)
    private String provider;

    /** What the plugin asked to keep, sealed. */
    @Column(name = "KEPT", nullable = false)
    private byte[] kept;

    @Column(name = "EXPIRES_AT", nullable = false)
    private long expiresAt;

    protected SignOnRequest() {
    }

    SignOnRequest(String stateHash, String bindingHash, String provider, byte[] kept, Instant expiresAt) {
        this.stateHash = stateHash;
        this.bindingHash = bindingHash;
        this.provider = provider;
        this.kept = kept;
        this.expiresAt = expiresAt.toEpochMilli();
    }

    String bindingHash() {
        return bindingHash;
    }

    String provider() {
        return provider;
    }

    byte[] kept() {
        return kept;
    }

    boolean expired(Instant now) {
        return !now.isBefore(Instant.ofEpochMilli(expiresAt));
    }
}
