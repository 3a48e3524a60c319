/**
 * What anyone needs to check the ledger without trusting the platform, with the JDK alone: the entry's text, the
 * RFC 9162 tree hashes and proofs, and the signed checkpoint in the C2SP signed-note form. The standalone verifier
 * and the platform share this package, so that both read the same bytes the same way.
 */
@Version("1.1.0")
package cn.anxun.ledger.proof;

import org.osgi.annotation.versioning.Version;
