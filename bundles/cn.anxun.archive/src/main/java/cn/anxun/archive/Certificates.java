package cn.anxun.archive;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import cn.anxun.identity.Caller;
import cn.anxun.identity.RegionQuery;

/**
 * Study-hour certificates. The learner and their institution's staff issue and print them; the operator
 * and the regulators of the class's region read them; the operator and the class city's regulators revoke them;
 * anyone verifies a number.
 */
@ProviderType
public interface Certificates {

    /**
     * Issues the certificate of a learner who completed a class: the online hours credited (proved by a ledger
     * checkpoint) and the test passed. Once a certificate is valid, it is the one there is; after a revocation, a
     * new one replaces it. Audited.
     *
     * @throws cn.anxun.identity.ConflictException naming what the learner has yet to complete
     */
    Certificate issue(Caller caller, String learnerId, String classId);

    /** The learner's valid certificate of the class, if there is one. */
    Optional<Certificate> current(Caller caller, String learnerId, String classId);

    Certificate get(Caller caller, String id);

    /** Every certificate of the learner, revoked ones too, newest first. */
    List<Certificate> ofLearner(Caller caller, String learnerId);

    /**
     * The certificates in the caller's reach that match the query, newest issued first, revoked ones too: a region
     * filter selects by the learner's region, dates by the day of issue (China time).
     *
     * @throws cn.anxun.identity.InvalidInputException naming a filter or the page position that is not valid
     * @since 1.3
     */
    CertificateList list(Caller caller, RegionQuery query);

    /** The certificate as a PDF in Chinese; the same certificate gives the same bytes. Audited. */
    byte[] document(Caller caller, String id);

    /** Revokes a valid certificate with a reason; the operator or a regulator of the class's city. Audited. */
    Certificate revoke(Caller caller, String id, String reason);

    /**
     * Verifies a number, for anyone: counted, and limited per client address.
     *
     * @throws cn.anxun.identity.NotFoundException for a number no certificate has
     * @throws cn.anxun.identity.TooManyRequestsException once the address has verified too many numbers lately
     */
    CertificateCheck check(Caller caller, String number);
}
