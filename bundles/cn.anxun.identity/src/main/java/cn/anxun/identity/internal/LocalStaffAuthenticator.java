package cn.anxun.identity.internal;

import java.util.Optional;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

import cn.anxun.api.identity.StaffAuthenticator;

/** Staff passwords kept by the platform itself (bcrypt hashes in {@code ACCOUNT}). */
@Component(service = StaffAuthenticator.class, configurationPid = IdentityConfig.PID)
public class LocalStaffAuthenticator implements StaffAuthenticator {

    static final String ID = "local";

    private final JpaTemplate jpa;
    private volatile Passwords passwords;

    @Activate
    public LocalStaffAuthenticator(@Reference(target = "(osgi.unit.name=anxun-identity)") JpaTemplate jpa,
            IdentityConfig config) {
        this.jpa = jpa;
        modified(config);
    }

    @Modified
    void modified(IdentityConfig config) {
        passwords = new Passwords(config.passwordHashCost());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<String> authenticate(String username, String secret) {
        Optional<Account> account = jpa.txExpr(TransactionType.Required, em -> AccountStore.byUsername(em, username));
        return passwords.matches(secret, account.map(Account::passwordHash).orElse(null))
                ? Optional.of(username) : Optional.empty();
    }
}
