/**
 * Identity contracts that plugins implement.
 * <p>
 * An {@link cn.anxun.api.identity.IdentityVerifier} vouches that a name and a resident ID number belong to a real
 * person (in production: the public-security citizen-identity service). A
 * {@link cn.anxun.api.identity.StaffAuthenticator} checks a staff member's password (local passwords by default).
 * A {@link cn.anxun.api.identity.StaffSignOn} signs staff in through an identity provider the browser is sent to.
 * All are plain OSGi services; the platform collects every one installed and uses the one whose {@code id()} its
 * configuration {@code etc/cn.anxun.identity.cfg} names.
 */
@Version("1.1.0")
package cn.anxun.api.identity;

import org.osgi.annotation.versioning.Version;
