package cn.anxun.identity.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.NamedQueries;
import javax.persistence.NamedQuery;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

import cn.anxun.identity.Role;

/**
 * A login: a learner's (found by the keyed hash of the ID number) or a staff member's (found by user name), with
 * its password hash, roles, bindings and the state of failed logins. Times are epoch milliseconds.
 */
@Entity
@Table(name = "ACCOUNT", uniqueConstraints = {
    @UniqueConstraint(name = "ACCOUNT_USERNAME", columnNames = "USERNAME"),
    @UniqueConstraint(name = "ACCOUNT_ID_LOOKUP", columnNames = "ID_LOOKUP"),
    @UniqueConstraint(name = "ACCOUNT_SIGNON_SUBJECT", columnNames = "SIGNON_SUBJECT")})
@NamedQueries({
    @NamedQuery(name = Account.BY_USERNAME, query = "SELECT a FROM Account a WHERE a.username = :username"),
    @NamedQuery(name = Account.BY_ID_LOOKUP, query = "SELECT a FROM Account a WHERE a.idLookup = :lookup"),
    @NamedQuery(name = Account.BY_SIGNON, query = "SELECT a FROM Account a WHERE a.signOnSubject = :subject"),
    @NamedQuery(name = Account.STAFF, query = "SELECT a FROM Account a WHERE a.username IS NOT NULL ORDER BY a.username"),
    @NamedQuery(name = Account.COUNT_ROLE, query = "SELECT COUNT(a) FROM Account a WHERE a.roles LIKE :role "
            + "AND a.disabledAt IS NULL")})
class Account {

    static final String BY_USERNAME = "Account.byUsername";
    static final String BY_ID_LOOKUP = "Account.byIdLookup";
    static final String BY_SIGNON = "Account.bySignOn";
    /** Not a bcrypt hash: no password matches it. */
    private static final String NO_PASSWORD = "!";
    static final String STAFF = "Account.staff";
    static final String COUNT_ROLE = "Account.countRole";

    @Id
    @Column(length = 36)
    private String id;

    /** Staff only. */
    @Column(length = 32)
    private String username;

    /** Learners only: HMAC-SHA256 of the ID number. */
    @Column(name = "ID_LOOKUP", length = 64)
    private String idLookup;

    /** Staff who sign on through an identity provider: the keyed hash of the provider's id and its subject. */
    @Column(name = "SIGNON_SUBJECT", length = 64)
    private String signOnSubject;

    @Column(length = 80)
    private String displayName;

    @Column(length = 80, nullable = false)
    private String passwordHash;

    /** Role names, comma-separated. */
    @Column(length = 200, nullable = false)
    private String roles;

    @Column(length = 6)
    private String regionCode;

    @Column(length = 40)
    private String institutionId;

    private long createdAt;
    /** The password was generated and handed over: it must be replaced, and runs out at {@link #passwordExpiresAt}. */
    private boolean oneTimePassword;
    private Long passwordExpiresAt;
    /** Until when logins are locked from at least one address; see {@link LoginThrottleRecord}. */
    private Long lockedUntil;
    @Column(name = "DISABLED_AT")
    private Long disabledAt;
    @Column(name = "DISABLED_REASON", length = 300)
    private String disabledReason;

    protected Account() {
    }

    static Account learner(String idLookup, String passwordHash, String regionCode, String institutionId, Instant now) {
        Account account = new Account(Set.of(Role.LEARNER), passwordHash, now);
        account.idLookup = idLookup;
        account.regionCode = regionCode;
        account.institutionId = institutionId;
        return account;
    }

    static Account staff(String username, String displayName, String passwordHash, Instant now) {
        Account account = new Account(Set.of(), passwordHash, now);
        account.username = username;
        account.displayName = displayName;
        return account;
    }

    /** A staff member an identity provider vouches for: no password of the platform's ever matches. */
    static Account signedOn(String username, String displayName, String signOnSubject, Instant now) {
        Account account = staff(username, displayName, NO_PASSWORD, now);
        account.signOnSubject = signOnSubject;
        return account;
    }

    private Account(Set<Role> roles, String passwordHash, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.roles = join(roles);
        this.passwordHash = passwordHash;
        this.createdAt = now.toEpochMilli();
    }

    String id() {
        return id;
    }

    String username() {
        return username;
    }

    String displayName() {
        return displayName;
    }

    void displayName(String name) {
        displayName = name;
    }

    /** Whether an identity provider vouches for this account's holder. */
    boolean signsOn() {
        return signOnSubject != null;
    }

    /** Frees the learner's ID number for its true holder: no look-up hash of a number is ever this value. */
    void releaseIdNumber() {
        idLookup = "released:" + id;
    }

    boolean idNumberReleased() {
        return idLookup != null && idLookup.startsWith("released:");
    }

    boolean isLearner() {
        return idLookup != null;
    }

    /** A program's account: logs in with client credentials only, never as a person. */
    boolean isClient() {
        return roles().equals(Set.of(Role.FEED_READER));
    }

    String passwordHash() {
        return passwordHash;
    }

    /** A password the account holder chose. */
    void passwordHash(String hash) {
        setPassword(hash, false, null);
    }

    /** A generated password, handed over, valid until {@code expiresAt} and only to set one's own. */
    void oneTimePassword(String hash, Instant expiresAt) {
        setPassword(hash, true, expiresAt);
    }

    private void setPassword(String hash, boolean oneTime, Instant expiresAt) {
        passwordHash = hash;
        oneTimePassword = oneTime;
        passwordExpiresAt = expiresAt == null ? null : expiresAt.toEpochMilli();
        lockedUntil = null;
    }

    /** No login until enabled again; the account and its records stay. */
    void disable(String reason, Instant at) {
        disabledAt = at.toEpochMilli();
        disabledReason = reason;
    }

    void enable() {
        disabledAt = null;
        disabledReason = null;
    }

    boolean disabled() {
        return disabledAt != null;
    }

    /** When the account was disabled, else {@code null}. */
    Instant disabledAt() {
        return disabledAt == null ? null : Instant.ofEpochMilli(disabledAt);
    }

    String disabledReason() {
        return disabledReason;
    }

    boolean oneTimePassword() {
        return oneTimePassword;
    }

    /** When a one-time password runs out, else {@code null}. */
    Instant passwordExpiresAt() {
        return passwordExpiresAt == null ? null : Instant.ofEpochMilli(passwordExpiresAt);
    }

    Set<Role> roles() {
        return roles.isEmpty() ? Set.of() : Arrays.stream(roles.split(",")).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    /** The region of a learner (county, else city) or the region a regulator is bound to. */
    String regionCode() {
        return regionCode;
    }

    String institutionId() {
        return institutionId;
    }

    void grant(Set<Role> newRoles, String newRegion, String newInstitution) {
        roles = join(newRoles);
        regionCode = newRegion;
        institutionId = newInstitution;
    }

    Instant createdAt() {
        return Instant.ofEpochMilli(createdAt);
    }

    Instant lockedUntil() {
        return lockedUntil == null ? null : Instant.ofEpochMilli(lockedUntil);
    }

    /** Logins from some address are locked until then. */
    void lockedUntil(Instant until) {
        if (lockedUntil == null || until.toEpochMilli() > lockedUntil) {
            lockedUntil = until.toEpochMilli();
        }
    }

    private static String join(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }
}
