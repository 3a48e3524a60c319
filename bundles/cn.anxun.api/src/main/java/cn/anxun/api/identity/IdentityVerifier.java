package cn.anxun.api.identity;

import org.osgi.annotation.versioning.ConsumerType;

/** Checks a learner's real name and resident ID number against a source the platform trusts. */
@ConsumerType
public interface IdentityVerifier {

    /** Stable identifier an operator puts in the configuration, e.g. {@code format}. */
    String id();

    /** What the verifier is, for people, e.g. "公安部公民身份信息核验". */
    String label();

    /**
     * Verifies one person. The number given has already passed the GB 11643 format and check-digit rules.
     *
     * @param name the name as registered
     * @param idNumber the 18-character resident ID number, upper-case X
     * @return the verdict; never {@code null}
     */
    Verification verify(String name, String idNumber);
}
