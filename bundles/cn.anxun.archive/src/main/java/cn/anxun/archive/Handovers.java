package cn.anxun.archive;

import java.io.InputStream;

import org.osgi.annotation.versioning.ProviderType;

import cn.anxun.identity.Caller;

/**
 * Handover packages: an institution's learners' archives and class files as one BagIt bag (RFC 8493), its
 * manifest signed with the ledger's key, the ledger records with the checkpoint and key that prove their hours, and
 * the personal data encrypted to the receiving platform's key (JWE, RFC 7516).
 *
 * @since 1.2
 */
@ProviderType
public interface Handovers {

    /**
     * This platform's public key, a JWK (EC P-256), to which a platform handing archives over to this one encrypts
     * their personal data; its private half never leaves {@code ${karaf.data}/keys}.
     */
    String receiverKey();

    /**
     * An institution's handover package, for its administrator, a regulator who supervises it, or the operator. Who
     * may is checked now; the package is put together as it is written, one archive at a time.
     *
     * @param receiverKey the receiving platform's public key, as its {@link #receiverKey()} answers it
     * @throws cn.anxun.identity.InvalidInputException if the key is not a public EC P-256 JWK
     */
    HandoverPackage export(Caller caller, String institutionId, String receiverKey);

    /**
     * Imports a package handed over to this platform, by the operator: the whole package is checked before anything
     * of it is kept, and then it is kept whole or not at all. Every file must be as the manifest says and the
     * manifest as the statement signed with the source's key says; every learner's archive must open with this
     * platform's key; no learner may be registered or imported here already (by ID number). Audited.
     *
     * @param sourceKey the source platform's ledger verifier key, obtained apart from the package
     * @throws cn.anxun.identity.InvalidInputException naming each file that does not verify or each learner who is
     *         here already
     */
    HandoverImport importPackage(Caller caller, InputStream zip, String sourceKey);

    /** An import, for the operator and the regulators. */
    HandoverImport importOf(Caller caller, String importId);

    /** An archive taken over, for the operator and the regulators of its region; audited as a read. */
    ImportedArchive imported(Caller caller, String archiveId);
}
