package cn.anxun.api.identity;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Proves who a staff member is. The platform keeps the staff account itself (roles, region, institution) and
 * its lockout; an authenticator only answers whose credentials these are. The default checks the local password;
 * another could ask a directory. Signing on through a provider the browser is sent to is {@link StaffSignOn}.
 */
@ConsumerType
public interface StaffAuthenticator {

    /** Stable identifier an operator puts in the configuration, e.g. {@code local}. */
    String id();

    /**
     * @param username the user name the staff member gave
     * @param secret the password, or whatever the authenticator's protocol uses in its place
     * @return the user name of the platform staff account these credentials prove, or empty if they prove nothing
     */
    Optional<String> authenticate(String username, String secret);
}
